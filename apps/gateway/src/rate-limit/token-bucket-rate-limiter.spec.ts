import { TokenBucketRateLimiter, type MonotonicClock } from './token-bucket-rate-limiter';

/** A clock that only moves when the test moves it. */
class ManualClock implements MonotonicClock {
  private now = 1_000_000;
  nowMs(): number {
    return this.now;
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

function limiterOf(
  perMinute: number,
  maxTrackedKeys?: number,
): { limiter: TokenBucketRateLimiter; clock: ManualClock } {
  const clock = new ManualClock();
  return { limiter: new TokenBucketRateLimiter({ perMinute, maxTrackedKeys }, clock), clock };
}

function takeTimes(limiter: TokenBucketRateLimiter, key: string, times: number): boolean[] {
  return Array.from({ length: times }, () => limiter.take(key).allowed);
}

describe('TokenBucketRateLimiter', () => {
  it('lets a new client spend its whole minute at once, then refuses with the wait until the next token', () => {
    const { limiter } = limiterOf(60);

    const burst = takeTimes(limiter, '10.0.0.1', 60);
    const next = limiter.take('10.0.0.1');

    expect(burst.every(Boolean)).toBe(true);
    expect(next).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('counts down what is left', () => {
    const { limiter } = limiterOf(600);

    expect(limiter.take('10.0.0.1')).toEqual({ allowed: true, remaining: 599 });
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: true, remaining: 598 });
  });

  it('gives tokens back at perMinute / 60 a second, never more than perMinute', () => {
    const { limiter, clock } = limiterOf(60);
    takeTimes(limiter, '10.0.0.1', 60);

    clock.advance(3_000);
    expect(takeTimes(limiter, '10.0.0.1', 4)).toEqual([true, true, true, false]);

    clock.advance(10 * 60_000);
    expect(takeTimes(limiter, '10.0.0.1', 61).filter(Boolean)).toHaveLength(60);
  });

  it('tells a refused client how many whole seconds to wait', () => {
    const { limiter, clock } = limiterOf(3);
    takeTimes(limiter, '10.0.0.1', 3);

    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    clock.advance(15_000);
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    clock.advance(5_000);
    expect(limiter.take('10.0.0.1').allowed).toBe(true);
  });

  it('keeps one bucket per client', () => {
    const { limiter } = limiterOf(2);
    takeTimes(limiter, '10.0.0.1', 2);

    expect(limiter.take('10.0.0.1').allowed).toBe(false);
    expect(limiter.take('10.0.0.2').allowed).toBe(true);
  });

  it('forgets refilled buckets when it tracks too many clients, and never goes over the bound', () => {
    const { limiter, clock } = limiterOf(60, 10);
    for (let i = 0; i < 10; i += 1) limiter.take(`idle-${i}`);
    clock.advance(60_000);

    for (let i = 0; i < 5; i += 1) limiter.take(`busy-${i}`);
    limiter.take('one-more');
    limiter.take('another');

    expect(limiter.trackedKeys).toBeLessThanOrEqual(10);
    expect(limiter.trackedKeys).toBe(7);
  });

  it('refuses a limit below one request a minute', () => {
    expect(() => new TokenBucketRateLimiter({ perMinute: 0 })).toThrow('perMinute must be at least 1');
  });
});
