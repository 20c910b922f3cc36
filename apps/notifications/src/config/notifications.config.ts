import type { DeliverySettings } from '../deliveries/domain/delivery-policy';
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
  /** How often the retry sweeper looks for due deliveries; 0 turns it off. */
  sweepIntervalMs: number;
  /** Deliveries taken per sweep. */
  sweepBatchSize: number;
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
    sweepIntervalMs: env.DELIVERY_SWEEP_INTERVAL_MS,
    sweepBatchSize: env.DELIVERY_SWEEP_BATCH_SIZE,
  };
}
