import type { MailStop } from '../../recipients/domain/recipient';
import type { Delivery } from './delivery';

/** How deliveries are retried and how long they wait for an unknown recipient. */
export interface DeliverySettings {
  /** Send attempts in all before a delivery is parked as failed. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubles with each further one. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** How long a claim keeps other instances off a delivery; longer than any SMTP timeout. */
  leaseMs: number;
  /** How often the sender looks again for a recipient the projection does not know yet. */
  recipientRecheckMs: number;
  /** After this long without the recipient, the delivery is parked as failed. */
  recipientWaitMaxMs: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  maxAttempts: 5,
  initialBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  leaseMs: 60_000,
  recipientRecheckMs: 60_000,
  recipientWaitMaxMs: 3 * 24 * 60 * 60_000,
};

export const RECIPIENT_UNKNOWN_ERROR = 'RECIPIENT.UNKNOWN: the recipient never appeared in the users stream';

/**
 * Why a delivery is cancelled rather than sent: its recipient may not be mailed any more
 * (a deactivated, expired or deleted user's mails stop), or opted out of its kind of mail
 * (NO-4).
 */
export type CancelReason = MailStop | 'opted_out';

/**
 * The last error a cancelled delivery shows in the log, by reason. Final: it is never
 * retried, and nothing later sends it, not even the user's reactivation or change of mind.
 */
export const CANCELLED_BECAUSE: Readonly<Record<CancelReason, string>> = {
  deleted: 'RECIPIENT.DELETED: the recipient was deleted before the mail went out',
  deactivated: 'RECIPIENT.DEACTIVATED: the recipient was deactivated before the mail went out',
  expired: "RECIPIENT.EXPIRED: the recipient's account expired before the mail went out",
  opted_out: 'RECIPIENT.OPTED_OUT: the recipient opted out of this kind of mail',
};

/** Wait before the next attempt after `failedAttempts` failures: exponential, capped. */
export function retryDelayMs(settings: DeliverySettings, failedAttempts: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  return Math.min(settings.maxBackoffMs, settings.initialBackoffMs * 2 ** exponent);
}

export type SendFailureDecision =
  | { outcome: 'retry'; attempts: number; nextAttemptAt: Date; lastError: string }
  | { outcome: 'park'; attempts: number; lastError: string };

export interface SendFailure {
  message: string;
  /** The server refused for good (e.g. unknown mailbox): no retry can help. */
  permanent: boolean;
}

/**
 * After a failed send: retry later with exponential backoff, or park once the attempts are
 * used up or the failure is permanent.
 */
export function decideAfterSendFailure(
  delivery: Pick<Delivery, 'attempts'>,
  failure: SendFailure,
  now: Date,
  settings: DeliverySettings,
): SendFailureDecision {
  const attempts = delivery.attempts + 1;
  const lastError = failure.message.slice(0, 1_000);
  if (failure.permanent || attempts >= settings.maxAttempts) return { outcome: 'park', attempts, lastError };
  return {
    outcome: 'retry',
    attempts,
    lastError,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(settings, attempts)),
  };
}

export type UnknownRecipientDecision =
  | { outcome: 'wait'; nextAttemptAt: Date }
  | { outcome: 'park'; attempts: number; lastError: string };

/**
 * The recipient is not in the projection yet (its `user.created` has not arrived): wait for
 * it, and give up only after a long time; the final check counts as the failed attempt.
 */
export function decideWhileRecipientUnknown(
  delivery: Pick<Delivery, 'attempts' | 'createdAt'>,
  now: Date,
  settings: DeliverySettings,
): UnknownRecipientDecision {
  if (now.getTime() - delivery.createdAt.getTime() >= settings.recipientWaitMaxMs) {
    return { outcome: 'park', attempts: delivery.attempts + 1, lastError: RECIPIENT_UNKNOWN_ERROR };
  }
  return { outcome: 'wait', nextAttemptAt: new Date(now.getTime() + settings.recipientRecheckMs) };
}

export type ManualRetryDecision = { outcome: 'retry'; nextAttemptAt: Date } | { outcome: 'not_failed' };

/**
 * NO-5: an administrator sends a parked delivery again: only a failed one goes back to
 * pending, due at once. Its attempts and last error stay, so that the log still tells what
 * happened before.
 */
export function decideManualRetry(delivery: Pick<Delivery, 'status'>, now: Date): ManualRetryDecision {
  return delivery.status === 'failed' ? { outcome: 'retry', nextAttemptAt: now } : { outcome: 'not_failed' };
}
