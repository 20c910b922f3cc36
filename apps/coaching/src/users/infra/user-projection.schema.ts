import { Schema } from 'mongoose';
import { USER_STATES, type UserState } from '@lms/contracts';

export interface UserProjectionDocument {
  _id: string;
  tenantId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  state: UserState;
  deleted: boolean;
  version: number;
  updatedAt: string;
}

export const USER_PROJECTION_MODEL = 'UserProjection';

export const UserProjectionSchema = new Schema<UserProjectionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    email: { type: String, default: '' },
    firstName: { type: String, default: '' },
    lastName: { type: String, default: '' },
    state: { type: String, enum: USER_STATES, default: 'activated' },
    deleted: { type: Boolean, default: false },
    version: { type: Number, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'user_projections', versionKey: false },
);

// One row per user (its `_id` is `tenantId:userId` too).
UserProjectionSchema.index({ tenantId: 1, userId: 1 }, { unique: true });
// The compare-and-set of a batch's writes: an index on both engines (see applyVersionedBatch).
UserProjectionSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'user_version' });
