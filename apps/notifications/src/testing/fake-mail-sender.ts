import type { MailSender, OutgoingMail } from '../deliveries/ports/mail-sender';

/** Records what would have gone out; can be told to fail the next sends. */
export class FakeMailSender implements MailSender {
  readonly sent: OutgoingMail[] = [];
  private failures: Error[] = [];

  /** The next `times` sends fail with `error`. */
  failNext(times: number, error: Error = new Error('connect ECONNREFUSED 127.0.0.1:1025')): void {
    this.failures = Array.from({ length: times }, () => error);
  }

  /** Every send fails with `error` until {@link recover}. */
  failAlways(error: Error = new Error('connect ECONNREFUSED 127.0.0.1:1025')): void {
    this.failures = Array.from({ length: 1_000 }, () => error);
  }

  recover(): void {
    this.failures = [];
  }

  async send(mail: OutgoingMail): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(mail);
  }

  /** Mails sent to `address`. */
  to(address: string): OutgoingMail[] {
    return this.sent.filter((mail) => mail.to.address === address);
  }
}
