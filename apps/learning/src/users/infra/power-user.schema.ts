import { Schema } from 'mongoose';

export const POWER_USER_MODEL = 'PowerUser';

export interface PowerUserDocument {
  /** `${tenantId}:${userId}` (powerUserKey). */
  _id: string;
  tenantId: string;
  userId: string;
  groupIds: string[];
  profile: string | null;
  version: number;
  updatedAt: Date;
}

export const PowerUserSchema = new Schema<PowerUserDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    groupIds: { type: [String], default: [] },
    profile: { type: String, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'power_users', versionKey: false },
);

// Keyed by its natural key as `_id`: the read of one power user at a request, and the batch's
// reads, are by `_id`. This index only makes the compare-and-set filter `{_id, version}` an
// exact match of a unique index, which the local stand-in then serves from an index too.
PowerUserSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
