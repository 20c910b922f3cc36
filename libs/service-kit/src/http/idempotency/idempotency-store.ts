import type { mongo } from 'mongoose';
import { isDuplicateKeyError } from '../../mongo/duplicate-key';

/** What became of a request sent with an `Idempotency-Key`. */
export interface IdempotencyRecord {
  /** A digest of who sent it, where, and the key: one record per caller, route and key. */
  _id: string;
  /** A digest of the body: the same key with another body is a mistake, not a retry. */
  requestHash: string;
  state: 'in_progress' | 'done';
  /** The answer given, once `done`. */
  status: number | null;
  body: unknown;
  /** Until when the first request holds the key; after that a retry may run it again. */
  lockedUntil: Date;
  /** When the record may be forgotten (a TTL index on MongoDB). */
  expiresAt: Date;
}

export type IdempotencyStart =
  | { outcome: 'started' }
  | { outcome: 'replay'; status: number; body: unknown }
  | { outcome: 'mismatch' }
  | { outcome: 'in_progress' };

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

/**
 * The records of idempotent requests, one per caller, route and key, read and written by `_id`
 * only (the stand-in serves those from its index). The first request inserts the record and
 * holds it under a lease while it runs; a retry finds it and replays the answer, or waits for
 * it, or, when the first request died holding it, takes the lease over with a compare-and-set.
 */
export class IdempotencyStore {
  private readonly records: mongo.Collection<IdempotencyRecord>;

  constructor(
    db: mongo.Db,
    private readonly options: { leaseMs: number; retentionMs: number },
  ) {
    this.records = db.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'idempotency_expiry' });
  }

  async begin(id: string, requestHash: string, now: Date): Promise<IdempotencyStart> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await this.records.insertOne({
          _id: id,
          requestHash,
          state: 'in_progress',
          status: null,
          body: null,
          lockedUntil: new Date(now.getTime() + this.options.leaseMs),
          expiresAt: new Date(now.getTime() + this.options.retentionMs),
        });
        return { outcome: 'started' };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.records.findOne({ _id: id });
      if (!existing) continue; // abandoned meanwhile: try to insert again
      if (existing.requestHash !== requestHash) return { outcome: 'mismatch' };
      if (existing.state === 'done')
        return { outcome: 'replay', status: existing.status ?? 200, body: existing.body };
      if (existing.lockedUntil > now) return { outcome: 'in_progress' };
      const taken = await this.records.updateOne(
        { _id: id, lockedUntil: existing.lockedUntil },
        { $set: { lockedUntil: new Date(now.getTime() + this.options.leaseMs) } },
      );
      return taken.modifiedCount === 1 ? { outcome: 'started' } : { outcome: 'in_progress' };
    }
    return { outcome: 'in_progress' };
  }

  async finish(id: string, status: number, body: unknown): Promise<void> {
    await this.records.updateOne({ _id: id }, { $set: { state: 'done', status, body: body ?? null } });
  }

  /** Forgets a request that failed, so that a retry with the same key runs it afresh. */
  async abandon(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id, state: 'in_progress' });
  }
}
