import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { mongo } from 'mongoose';

/** One client's count in one window of one limit. */
interface WindowCount {
  /** `<limit key>|<window start, ms>`. */
  _id: string;
  count: number;
  /** The end of the window: a TTL index forgets it on MongoDB. */
  expiresAt: Date;
}

export const RATE_LIMIT_COLLECTION = 'rate_limit_windows';

/**
 * A `@fastify/rate-limit` store that every gateway instance shares, in MongoDB: fixed windows
 * of the limit's length, one document per key and window, counted with one `$inc` upsert by
 * `_id` (served from the `_id` index, on the local stand-in too). A client's calls count
 * together whichever instance takes them.
 */
export function sharedRateLimitStore(
  windows: mongo.Collection<WindowCount>,
  now: () => number = Date.now,
): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const at = now();
      const windowStart = at - (at % timeWindow);
      windows
        .findOneAndUpdate(
          { _id: `${key}|${windowStart}` },
          { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(windowStart + timeWindow) } },
          { upsert: true, returnDocument: 'after' },
        )
        .then(
          (window) => callback(null, { current: window?.count ?? 1, ttl: windowStart + timeWindow - at }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(): FastifyRateLimitStore {
      return new SharedRateLimitStore();
    }
  }
  return SharedRateLimitStore;
}

/** The index that lets MongoDB forget ended windows (the local stand-in ignores TTL indexes). */
export async function ensureRateLimitIndexes(windows: mongo.Collection<WindowCount>): Promise<void> {
  await windows.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'rate_limit_window_expiry' });
}

export type RateLimitWindows = mongo.Collection<WindowCount>;
