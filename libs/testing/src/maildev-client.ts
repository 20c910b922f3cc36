export interface ReceivedMail {
  id: string;
  subject: string;
  text?: string;
  html?: string;
  to: Array<{ address: string; name?: string }>;
  headers: Record<string, string>;
}

/** Reads the mails the SMTP test server received, through MailDev's REST API. */
export class MaildevClient {
  constructor(private readonly apiUrl: string = process.env.MAILDEV_API_URL ?? 'http://127.0.0.1:1080') {}

  async all(): Promise<ReceivedMail[]> {
    const response = await fetch(`${this.apiUrl}/api/email`);
    if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
    return (await response.json()) as ReceivedMail[];
  }

  /** Mails sent to `address` (case-insensitive). */
  async to(address: string): Promise<ReceivedMail[]> {
    const wanted = address.toLowerCase();
    return (await this.all()).filter((mail) => mail.to.some((t) => t.address.toLowerCase() === wanted));
  }
}
