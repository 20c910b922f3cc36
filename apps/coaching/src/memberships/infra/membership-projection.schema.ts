import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../domain/membership';

export interface MembershipProjectionDocument {
  /** The natural key, `${tenantId}:${groupId}:${userId}` (see membershipKey). */
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  version: number;
  rolesSince: Date;
  roleSince?: Partial<Record<GroupRole, Date>>;
  updatedAt: Date;
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
    rolesSince: { type: Date, required: true },
    roleSince: { type: Object, default: {} },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'membership_projections', versionKey: false },
);

// One document per membership, keyed by its natural key as `_id`: reads of many go by
// `_id: {$in}` and writes by `_id`, which both engines serve from the `_id` index. This index
// only makes the compare-and-set filter `{_id, version}` an exact match of a unique index,
// which the local stand-in serves from an index too (MongoDB uses the `_id` index for it).
MembershipProjectionSchema.index({ _id: 1, version: 1 }, { unique: true });
// The fan-out's page query (non-unique: real MongoDB only; the stand-in scans).
MembershipProjectionSchema.index({ tenantId: 1, groupId: 1, status: 1, userId: 1 });
