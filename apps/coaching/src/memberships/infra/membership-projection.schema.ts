import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../domain/membership';

export interface MembershipProjectionDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  version: number;
  rolesSince: string;
  updatedAt: string;
}

export const MEMBERSHIP_PROJECTION_MODEL = 'MembershipProjection';

export const MembershipProjectionSchema = new Schema<MembershipProjectionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, required: true },
    roles: { type: [String], enum: GROUP_ROLES, default: [] },
    status: { type: String, enum: MEMBERSHIP_STATUSES, required: true },
    version: { type: Number, required: true },
    rolesSince: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'membership_projections', versionKey: false },
);

// One row per membership: a stale event's upsert fails on it and is ignored.
MembershipProjectionSchema.index({ tenantId: 1, groupId: 1, userId: 1 }, { unique: true });
// The fan-out's chunk query (non-unique: real MongoDB only).
MembershipProjectionSchema.index({ tenantId: 1, groupId: 1, status: 1, userId: 1 });
