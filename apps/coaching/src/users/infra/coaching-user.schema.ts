import { Schema } from 'mongoose';
import {
  ADMIN_ROLES,
  PLATFORM_LEVELS,
  USER_STATES,
  type AdminRole,
  type PlatformLevel,
  type UserState,
} from '@lms/contracts';

export interface CoachingUserDocument {
  /** The natural key, `${tenantId}:${userId}` (see coachingUserKey). */
  _id: string;
  tenantId: string;
  userId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  state: UserState | null;
  level: PlatformLevel | null;
  adminRoles: AdminRole[];
  expiresAt: Date | null;
  deleted: boolean;
  version: number;
  updatedAt: Date;
}

export const COACHING_USER_MODEL = 'CoachingUser';

export const CoachingUserSchema = new Schema<CoachingUserDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    email: { type: String, default: null },
    firstName: { type: String, default: null },
    lastName: { type: String, default: null },
    locale: { type: String, default: null },
    state: { type: String, enum: [...USER_STATES, null], default: null },
    level: { type: String, enum: [...PLATFORM_LEVELS, null], default: null },
    adminRoles: { type: [String], enum: ADMIN_ROLES, default: [] },
    expiresAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'user_projections', versionKey: false },
);

// One document per user and tenant, keyed by its natural key as `_id`: reads of one or many go
// by `_id` or `_id: {$in}` and writes by `_id`, which both engines serve from the `_id` index.
// This index only makes the compare-and-set filter `{_id, version}` an exact match of a unique
// index, which the local stand-in serves from an index too (MongoDB uses the `_id` index for it).
CoachingUserSchema.index({ _id: 1, version: 1 }, { unique: true });
