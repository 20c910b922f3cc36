import { Schema } from 'mongoose';
import {
  ASSIGNMENT_ORIGINS,
  ASSIGNMENT_STATUSES,
  type AssignmentOrigin,
  type AssignmentStatus,
} from '@lms/contracts';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { ASSIGNMENT_END_REASONS, type AssignmentEndReason } from '../domain/assignment';

/** `currentSlot` of a derived assignment in force (scheduled or current). */
export const CURRENT_SLOT = 'current';

export interface AssignmentDocument {
  _id: string;
  tenantId: string;
  menteeId: string;
  coachIds: string[];
  origin: AssignmentOrigin;
  groupAssignmentId: string | null;
  groupId: string | null;
  startDate: string;
  endDate: string | null;
  status: AssignmentStatus;
  active: boolean;
  /**
   * `'current'` while a derived assignment is in force (scheduled or current); the assignment's
   * own id once it ended or expired (and always for individual assignments). With the unique
   * index below this allows one derived assignment in force per (tenant, group assignment,
   * mentee) and any number of past ones: a member removed and added again gets a new
   * assignment, the old one stays as history.
   */
  currentSlot: string;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  endReason: AssignmentEndReason | null;
  deletedAt: Date | null;
  membershipVersion: number | null;
  lastInteractionAt: Date | null;
  expiryNoticeSentFor?: string | null;
  version: number;
  outbox: OutboxEntry[];
}

export const ASSIGNMENT_MODEL = 'Assignment';

export const AssignmentSchema = new Schema<AssignmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    menteeId: { type: String, required: true },
    coachIds: { type: [String], required: true },
    origin: { type: String, enum: ASSIGNMENT_ORIGINS, required: true },
    groupAssignmentId: { type: String, default: null },
    groupId: { type: String, default: null },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    status: { type: String, enum: ASSIGNMENT_STATUSES, required: true },
    active: { type: Boolean, default: true },
    currentSlot: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    endReason: { type: String, enum: [...ASSIGNMENT_END_REASONS, null], default: null },
    deletedAt: { type: Date, default: null },
    membershipVersion: { type: Number, default: null },
    lastInteractionAt: { type: Date, default: null },
    expiryNoticeSentFor: { type: String, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'assignments', versionKey: false },
);

// Idempotency of the fan-out and of membership events (rule 2).
AssignmentSchema.index(
  { tenantId: 1, groupAssignmentId: 1, menteeId: 1, currentSlot: 1 },
  { unique: true, name: 'one_current_derived_assignment' },
);
// Compare-and-set of a change to one assignment (ending it): an index on both engines.
AssignmentSchema.index({ _id: 1, tenantId: 1, version: 1 }, { unique: true, name: 'assignment_version' });
// Lists and membership events (non-unique: real MongoDB only).
AssignmentSchema.index({ tenantId: 1, menteeId: 1, groupId: 1, status: 1 });
AssignmentSchema.index({ tenantId: 1, coachIds: 1, createdAt: -1 });
AssignmentSchema.index({ tenantId: 1, createdAt: -1 });
AssignmentSchema.index({ tenantId: 1, groupId: 1, createdAt: -1 });
AssignmentSchema.index({ tenantId: 1, status: 1, createdAt: -1 });
AssignmentSchema.index({ tenantId: 1, groupAssignmentId: 1, createdAt: -1 });
AssignmentSchema.index({ tenantId: 1, startDate: -1 });
// A group assignment's follow, page after page by id (CO-A11).
AssignmentSchema.index({ tenantId: 1, groupAssignmentId: 1, _id: 1 });
// The calendar's sweep (CO-A1, CO-A8): scheduled ones by start, current ones by end (to expire
// them, or to announce their end).
AssignmentSchema.index({ status: 1, startDate: 1 });
AssignmentSchema.index({ status: 1, endDate: 1 });
