import { Schema } from 'mongoose';
import {
  GROUP_ASSIGNMENT_STATUSES,
  GROUP_ROLES,
  type GroupAssignmentStatus,
  type GroupRole,
} from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { TRANSFER_MODES, type TransferMode } from '../domain/assignment-lifecycle';
import { FAN_OUT_STATUSES, type FanOutStatus } from '../domain/group-assignment';

export interface GroupAssignmentDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  startDate: string;
  endDate: string | null;
  status: GroupAssignmentStatus;
  active: boolean;
  fanOut: {
    status: FanOutStatus;
    processed: number;
    cursor: string | null;
    pendingUntil: string | null;
    completedAt: Date | null;
  };
  follow: { status: 'pending' | 'done'; version: number; processed: number; cursor: string | null };
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  transferMode?: TransferMode | null;
  version: number;
  outbox: OutboxEntry[];
}

export const GROUP_ASSIGNMENT_MODEL = 'GroupAssignment';

export const GroupAssignmentSchema = new Schema<GroupAssignmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    roles: { type: [String], enum: GROUP_ROLES, required: true },
    coachIds: { type: [String], required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    status: { type: String, enum: GROUP_ASSIGNMENT_STATUSES, required: true },
    active: { type: Boolean, default: true },
    fanOut: {
      status: { type: String, enum: FAN_OUT_STATUSES, required: true },
      processed: { type: Number, required: true },
      cursor: { type: String, default: null },
      pendingUntil: { type: String, default: null },
      completedAt: { type: Date, default: null },
    },
    follow: {
      status: { type: String, enum: ['pending', 'done'], default: 'done' },
      version: { type: Number, default: 1 },
      processed: { type: Number, default: 0 },
      cursor: { type: String, default: null },
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
    transferMode: { type: String, enum: TRANSFER_MODES, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'group_assignments', versionKey: false },
);

// Membership events read the current group assignments of a group (non-unique: real MongoDB only).
GroupAssignmentSchema.index({ tenantId: 1, groupId: 1, status: 1 });
GroupAssignmentSchema.index({ tenantId: 1, createdAt: -1 });
// The job runner's recovery of fan-outs and follows left without a job (non-unique: real MongoDB only).
GroupAssignmentSchema.index({ status: 1, 'fanOut.status': 1 });
GroupAssignmentSchema.index({ 'follow.status': 1 });
// The calendar's sweep (CO-A8): current ones by end.
GroupAssignmentSchema.index({ status: 1, endDate: 1 });
// Compare-and-set of a change to one group assignment: an index on both engines.
GroupAssignmentSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'group_assignment_version' },
);
