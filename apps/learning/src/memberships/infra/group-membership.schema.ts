import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';

export interface GroupMembershipDocument {
  /** The natural key, `${tenantId}:${groupId}:${userId}` (see groupMembershipKey). */
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  active: boolean;
  /** Absent on memberships projected before roles were kept: none. */
  roles?: GroupRole[];
  version: number;
  updatedAt: Date;
}

export const GROUP_MEMBERSHIP_MODEL = 'GroupMembership';

export const GroupMembershipSchema = new Schema<GroupMembershipDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, required: true },
    active: { type: Boolean, required: true },
    roles: { type: [String], enum: GROUP_ROLES, default: [] },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'group_memberships', versionKey: false },
);

// One document per membership, keyed by its natural key as `_id`: a batch reads by
// `_id: {$in}` and writes by `_id`. This index only makes the compare-and-set filter
// `{_id, version}` an exact match of a unique index, which the local stand-in then serves
// from an index too (MongoDB uses `_id`).
GroupMembershipSchema.index({ _id: 1, version: 1 }, { unique: true });
// A user's groups, read once per catalog page, and whether it holds a role in any of them (a
// co-author's check, LE-C2): non-unique, real MongoDB only; the stand-in scans.
GroupMembershipSchema.index({ tenantId: 1, userId: 1, active: 1 });
// A group's active members in `userId` order, read page by page by a group enrollment (LE-G1):
// non-unique, real MongoDB only; the stand-in scans once per page.
GroupMembershipSchema.index({ tenantId: 1, groupId: 1, active: 1, userId: 1 });
