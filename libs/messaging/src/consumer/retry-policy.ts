export interface RetryPolicy {
  /** Attempts in all, the first included, before the message goes to the dead-letter topic. */
  attempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, initialBackoffMs: 200, maxBackoffMs: 5_000 };

/** Exponential backoff with full jitter's upper half: between 50% and 100% of the step. */
export function backoffMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (failedAttempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
