import { FixedClock } from '@lms/testing';
import { failureWrite, throttleVerdict, type FailureCounter, type ThrottlePolicy } from './login-throttle';

const fiveIn15Minutes: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };
const fiftyIn15Minutes: ThrottlePolicy = { maxFailures: 50, windowMs: 15 * 60_000 };

function counter(
  failures: number,
  windowStartedAt: string,
  overrides: Partial<FailureCounter> = {},
): FailureCounter {
  const start = new Date(windowStartedAt);
  return {
    key: 'account:k',
    windowStartedAt: start,
    windowEndsAt: new Date(start.getTime() + 15 * 60_000),
    failures,
    version: failures,
    ...overrides,
  };
}

describe('login throttle windows', () => {
  it('given fewer failures than the limit, or none, then the attempt may go ahead', () => {
    const clock = new FixedClock('2026-03-02T09:05:00.000Z');

    expect(
      throttleVerdict(
        [
          { counter: counter(4, '2026-03-02T09:00:00.000Z'), policy: fiveIn15Minutes },
          { counter: null, policy: fiftyIn15Minutes },
        ],
        clock.now(),
      ),
    ).toEqual({ allowed: true });
  });

  it('given the limit reached, then attempts are refused until the window ends, in whole seconds', () => {
    const clock = new FixedClock('2026-03-02T09:05:00.000Z');
    const full = [{ counter: counter(5, '2026-03-02T09:00:00.000Z'), policy: fiveIn15Minutes }];

    expect(throttleVerdict(full, clock.now())).toEqual({ allowed: false, retryAfterSeconds: 600 });
    clock.set('2026-03-02T09:14:59.500Z');
    expect(throttleVerdict(full, clock.now())).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set('2026-03-02T09:15:00.000Z');
    expect(throttleVerdict(full, clock.now())).toEqual({ allowed: true });
  });

  it('given both the account and the address over their limits, then the later window decides', () => {
    const clock = new FixedClock('2026-03-02T09:10:00.000Z');

    const verdict = throttleVerdict(
      [
        { counter: counter(5, '2026-03-02T09:00:00.000Z'), policy: fiveIn15Minutes },
        { counter: counter(50, '2026-03-02T09:05:00.000Z', { key: 'address:a' }), policy: fiftyIn15Minutes },
      ],
      clock.now(),
    );

    expect(verdict).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('given a failure, then it opens a window without a counter, adds to an open one, and restarts an ended one', () => {
    const clock = new FixedClock('2026-03-02T09:10:00.000Z');
    const open = counter(2, '2026-03-02T09:00:00.000Z');
    const ended = counter(5, '2026-03-02T08:00:00.000Z', { version: 7 });

    expect(failureWrite('account:k', null, clock.now(), fiveIn15Minutes)).toEqual({
      kind: 'start',
      counter: counter(1, '2026-03-02T09:10:00.000Z'),
    });
    expect(failureWrite('account:k', open, clock.now(), fiveIn15Minutes)).toEqual({ kind: 'increment' });
    expect(failureWrite('account:k', ended, clock.now(), fiveIn15Minutes)).toEqual({
      kind: 'start',
      counter: counter(1, '2026-03-02T09:10:00.000Z', { version: 8 }),
    });
  });
});
