import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { smtpOptionsFromUrl } from './smtp-options';
import { MailSendError, type MailSender, type OutgoingMail } from '../ports/mail-sender';

/**
 * Sends mail through an SMTP server (`SMTP_URL`). Its timeouts are kept well below the
 * delivery claim's lease, so that a send never outlives the claim that protects it; the
 * pool has a connection for every send the sender may have in flight
 * (`DELIVERY_SEND_CONCURRENCY`), so that no send waits in the pool's queue while its lease
 * runs out.
 */
@Injectable()
export class SmtpMailSender implements MailSender, OnApplicationShutdown {
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;
  /** The host part of the sender's address: Message-IDs are `<delivery id@host>`. */
  private readonly messageIdHost: string;

  constructor(@Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig) {
    const leaseSeconds = config.delivery.leaseMs / 1_000;
    const timeoutMs = Math.max(1_000, Math.floor((leaseSeconds / 4) * 1_000));
    this.transporter = createTransport(
      smtpOptionsFromUrl(config.smtpUrl, timeoutMs, config.sender.concurrency),
      {
        from: config.mailFrom,
      },
    );
    this.messageIdHost = /@([^>\s]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'localhost';
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      const info = await this.transporter.sendMail({
        messageId: `<${mail.id}@${this.messageIdHost}>`,
        to: mail.to.name ? { address: mail.to.address, name: mail.to.name } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
      if (info.rejected.length > 0) {
        throw new MailSendError(`recipient rejected: ${String(info.response)}`, true);
      }
    } catch (error) {
      if (error instanceof MailSendError) throw error;
      const responseCode = (error as { responseCode?: unknown }).responseCode;
      const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
      throw new MailSendError(error instanceof Error ? error.message : String(error), permanent);
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
