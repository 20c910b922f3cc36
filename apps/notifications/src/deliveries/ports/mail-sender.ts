/** A mail ready for the wire. */
export interface OutgoingMail {
  /**
   * The mail's own id, the same on every try (the delivery's): it becomes the Message-ID, so
   * that a copy sent again is recognisable as the same mail.
   */
  id: string;
  /** `name` empty: the address alone (an invited address without an account). */
  to: { address: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. `X-Delivery-Id`. */
  headers: Record<string, string>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');

/** Hands a mail to the outgoing mail server; resolves once the server accepted it, rejects otherwise. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** The header every mail carries, so that one delivery can be traced (and counted) in any mailbox. */
export const DELIVERY_ID_HEADER = 'X-Delivery-Id';

/** A send the mail server refused. `permanent` (a 5xx answer) means retrying cannot help. */
export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailSendError';
  }
}
