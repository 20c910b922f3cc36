import { Schema } from 'mongoose';
import type { DigestPlan } from '../ports/digest-lock.repository';

export const DIGEST_LOCK_MODEL = 'DigestLock';

/** The lock of one digest key (`_id`: tenant and key), and the plan of the digest being formed. */
export interface DigestLockDocument {
  _id: string;
  tenantId: string;
  digestKey: string;
  /** +1 with every write: each write is a compare-and-set on `{_id, version}`. */
  version: number;
  lockOwner: string | null;
  /** Epoch when free. */
  lockedUntil: Date;
  plan: DigestPlan | null;
}

export const DigestLockSchema = new Schema<DigestLockDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    digestKey: { type: String, required: true },
    version: { type: Number, required: true },
    lockOwner: { type: String, default: null },
    lockedUntil: { type: Date, required: true },
    plan: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'digest_locks', versionKey: false, minimize: false },
);

/**
 * Every write's filter is exactly `{_id, version}`. Unique trivially (it starts with `_id`):
 * declared so that the local stand-in database serves it from an index, as MongoDB does by `_id`.
 */
DigestLockSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'lock_compare_and_set' });
