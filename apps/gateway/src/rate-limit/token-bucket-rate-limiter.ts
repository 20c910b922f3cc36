/** Milliseconds since some epoch: the system clock in the gateway, a hand-moved one in tests. */
export interface MonotonicClock {
  nowMs(): number;
}

export const systemClock: MonotonicClock = { nowMs: () => performance.now() };

export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export interface TokenBucketOptions {
  /** Tokens added per minute; also the bucket's size, i.e. the largest burst. */
  perMinute: number;
  /** How many keys to remember before forgetting those whose bucket has refilled. */
  maxTrackedKeys?: number;
}

/**
 * One token bucket per key (the client IP), in memory: each request takes a token, tokens
 * come back at `perMinute / 60` a second up to `perMinute`. Each gateway instance counts
 * on its own, so N instances let through up to N times the limit.
 */
export class TokenBucketRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxTrackedKeys: number;

  constructor(
    options: TokenBucketOptions,
    private readonly clock: MonotonicClock = systemClock,
  ) {
    if (!Number.isFinite(options.perMinute) || options.perMinute < 1) {
      throw new Error(`perMinute must be at least 1, got ${options.perMinute}`);
    }
    this.capacity = options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxTrackedKeys = options.maxTrackedKeys ?? 100_000;
  }

  /** Takes one token from `key`'s bucket, or says how long until one is there. */
  take(key: string): RateLimitDecision {
    const now = this.clock.nowMs();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket, now);
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    this.remember(key, bucket, now);
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Keys currently remembered (buckets that are not full). */
  get trackedKeys(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.capacity, updatedAtMs: now };
    const elapsed = Math.max(0, now - bucket.updatedAtMs);
    return { tokens: Math.min(this.capacity, bucket.tokens + elapsed * this.refillPerMs), updatedAtMs: now };
  }

  /** Re-inserts the bucket so that the map stays in least-recently-used order. */
  private remember(key: string, bucket: Bucket, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxTrackedKeys) this.prune(now);
  }

  /**
   * Bounds memory: a bucket that has refilled is the same as no bucket, so it is forgotten;
   * if too many clients are still active, the least recently seen are forgotten too (they
   * start again with a full bucket).
   */
  private prune(now: number): void {
    const target = Math.floor(this.maxTrackedKeys * 0.9);
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAtMs) * this.refillPerMs >= this.capacity)
        this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(key);
    }
  }
}
