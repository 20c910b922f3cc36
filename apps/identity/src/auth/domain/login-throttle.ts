/**
 * Throttling of failed logins (ID-A1): a counter per key (an account, a client address)
 * counts failures within a window that opens at the first failure. Once a counter reaches
 * its limit, further attempts are refused until its window ends, password or not.
 */

/** How many failures a key may have within one window. */
export interface ThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

/** The failures of one key in its current window. */
export interface FailureCounter {
  key: string;
  windowStartedAt: Date;
  windowEndsAt: Date;
  failures: number;
  version: number;
}

/** A counter with the policy it is held to. */
export interface ThrottledKey {
  counter: FailureCounter | null;
  policy: ThrottlePolicy;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether the counter's window is still open at `now`. */
export function isWindowOpen(counter: FailureCounter, now: Date): boolean {
  return counter.windowEndsAt.getTime() > now.getTime();
}

/**
 * Whether an attempt may go ahead: refused while any of its keys has reached its limit in an
 * open window, until the last of those windows ends (whole seconds, at least one).
 */
export function throttleVerdict(keys: readonly ThrottledKey[], now: Date): ThrottleVerdict {
  const blockedUntil = keys
    .filter(
      ({ counter, policy }) =>
        counter && isWindowOpen(counter, now) && counter.failures >= policy.maxFailures,
    )
    .map(({ counter }) => (counter as FailureCounter).windowEndsAt.getTime());
  if (blockedUntil.length === 0) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((Math.max(...blockedUntil) - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds };
}

/**
 * What a failure writes: one more failure in the open window, or a new window that starts
 * now with this failure (no counter yet, or its window has ended).
 */
export type FailureWrite = { kind: 'increment' } | { kind: 'start'; counter: FailureCounter };

export function failureWrite(
  key: string,
  counter: FailureCounter | null,
  now: Date,
  policy: ThrottlePolicy,
): FailureWrite {
  if (counter && isWindowOpen(counter, now)) return { kind: 'increment' };
  return {
    kind: 'start',
    counter: {
      key,
      windowStartedAt: now,
      windowEndsAt: new Date(now.getTime() + policy.windowMs),
      failures: 1,
      version: (counter?.version ?? 0) + 1,
    },
  };
}
