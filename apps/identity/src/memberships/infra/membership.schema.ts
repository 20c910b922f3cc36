import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../domain/membership';

export interface MembershipDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const MEMBERSHIP_MODEL = 'Membership';

export const MembershipSchema = new Schema<MembershipDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, required: true },
    roles: { type: [{ type: String, enum: GROUP_ROLES }], required: true },
    status: { type: String, required: true, enum: MEMBERSHIP_STATUSES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    removedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'memberships', versionKey: false },
);

/** One membership document per user and group: removal leaves it as a tombstone. */
MembershipSchema.index({ tenantId: 1, groupId: 1, userId: 1 }, { unique: true });
/** The compare-and-set of an update names exactly these fields, which the local stand-in then serves from an index. */
MembershipSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'membership_version' });
/** Lists a group's active members (a no-op on the local stand-in database). */
MembershipSchema.index({ tenantId: 1, groupId: 1, status: 1, _id: 1 });
/**
 * The groups a member administers or coaches (the group list of a group admin or coach, ID-G2):
 * a scan on the local stand-in, an index on MongoDB.
 */
MembershipSchema.index({ tenantId: 1, userId: 1, status: 1, _id: 1 });
