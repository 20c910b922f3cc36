import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type {
  DigestKeyRef,
  DigestLockRepository,
  DigestPlan,
  HeldDigestLock,
} from '../ports/digest-lock.repository';
import { DIGEST_LOCK_MODEL, type DigestLockDocument } from './digest-lock.schema';

/** A free lock: every `lockedUntil <= now` test passes. */
const UNLOCKED = new Date(0);

/**
 * Reads by `_id`, decides in code, then writes with a compare-and-set on exactly `{_id,
 * version}` (the `lock_compare_and_set` index): served from an index by both engines.
 */
@Injectable()
export class MongoDigestLockRepository implements DigestLockRepository {
  constructor(@InjectModel(DIGEST_LOCK_MODEL) private readonly model: Model<DigestLockDocument>) {}

  private collection(): mongo.Collection<DigestLockDocument> {
    return this.model.collection as unknown as mongo.Collection<DigestLockDocument>;
  }

  async acquire(
    ref: DigestKeyRef,
    owner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<HeldDigestLock | null> {
    const _id = lockIdOf(ref);
    const doc = await this.collection().findOne({ _id });
    if (!doc) {
      try {
        await this.collection().insertOne({
          _id,
          ...ref,
          version: 1,
          lockOwner: owner,
          lockedUntil: leaseUntil,
          plan: null,
        });
        return { ...ref, owner, version: 1, plan: null };
      } catch (error) {
        if (isDuplicateKeyError(error)) return null;
        throw error;
      }
    }
    if (doc.lockedUntil.getTime() > now.getTime()) return null;
    const version = await this.compareAndSet(_id, doc.version, { lockOwner: owner, lockedUntil: leaseUntil });
    return version === null ? null : { ...ref, owner, version, plan: doc.plan ?? null };
  }

  async stage(lock: HeldDigestLock, plan: DigestPlan): Promise<HeldDigestLock | null> {
    const version = await this.compareAndSet(lockIdOf(lock), lock.version, { plan });
    return version === null ? null : { ...lock, version, plan };
  }

  async release(lock: HeldDigestLock): Promise<boolean> {
    const version = await this.compareAndSet(lockIdOf(lock), lock.version, {
      plan: null,
      lockOwner: null,
      lockedUntil: UNLOCKED,
    });
    return version !== null;
  }

  /** The new version, or null when the lock changed since `version` (nothing written). */
  private async compareAndSet(
    _id: string,
    version: number,
    fields: Partial<DigestLockDocument>,
  ): Promise<number | null> {
    const result = await this.collection().updateOne(
      { _id, version },
      { $set: fields, $inc: { version: 1 } },
    );
    return result.matchedCount === 1 ? version + 1 : null;
  }
}

function lockIdOf(ref: DigestKeyRef): string {
  return `${ref.tenantId}\u0000${ref.digestKey}`;
}
