import type { DigestSettings } from '../deliveries/domain/coach-digest';
import type { DeliverySettings } from '../deliveries/domain/delivery-policy';
import type { SessionReminderSettings } from '../sessions/domain/scheduled-session';
import type { NotificationsEnv } from './notifications.env';

/** Settings of the notifications service, grouped for the code that uses them. */
export interface NotificationsConfig {
  /** Outgoing mail server, e.g. `smtp://127.0.0.1:1025` or `smtps://user:pass@host:465`. */
  smtpUrl: string;
  /** The `From` of every mail. */
  mailFrom: string;
  /** Public address of the web app, without a trailing slash; mail links point under it. */
  appUrl: string;
  delivery: DeliverySettings;
  sender: SenderSettings;
  digest: DigestSettings;
  sessionReminders: SessionReminderSettings;
}

/** The sender pool: it works off due deliveries, apart from the consumers that record them. */
export interface SenderSettings {
  /** The wait, with nothing due, before it looks again; 0: no sender on this instance. */
  idleMs: number;
  /** Due deliveries read at a time. */
  batchSize: number;
  /** Mails on their way at once (and SMTP connections). */
  concurrency: number;
}

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export function notificationsConfigFrom(env: NotificationsEnv): NotificationsConfig {
  return {
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    appUrl: env.APP_URL.replace(/\/+$/, ''),
    delivery: {
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      initialBackoffMs: env.DELIVERY_RETRY_INITIAL_MS,
      maxBackoffMs: env.DELIVERY_RETRY_MAX_MS,
      leaseMs: env.DELIVERY_LEASE_MS,
      recipientRecheckMs: env.DELIVERY_RECIPIENT_RECHECK_MS,
      recipientWaitMaxMs: env.DELIVERY_RECIPIENT_WAIT_MAX_MS,
    },
    sender: {
      idleMs: env.DELIVERY_SENDER_IDLE_MS,
      batchSize: env.DELIVERY_SENDER_BATCH_SIZE,
      concurrency: env.DELIVERY_SEND_CONCURRENCY,
    },
    digest: {
      windowMs: env.DIGEST_WINDOW_MS,
      threshold: env.DIGEST_THRESHOLD,
      names: env.DIGEST_NAMES,
    },
    sessionReminders: {
      leadMs: env.SESSION_REMINDER_LEAD_MS,
      intervalMs: env.SESSION_REMINDER_INTERVAL_MS,
    },
  };
}
