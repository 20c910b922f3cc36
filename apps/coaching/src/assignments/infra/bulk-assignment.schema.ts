import { Schema } from 'mongoose';
import { BULK_STATES, type BulkState } from '@lms/kernel';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import { BULK_ASSIGNMENT_OUTCOMES, type BulkAssignmentResult } from '../domain/bulk-assignment';

export interface BulkAssignmentDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  startDate: string;
  endDate: string | null;
  menteeIds: string[];
  results: BulkAssignmentResult[];
  state: BulkState;
  createdAt: Date;
  finishedAt: Date | null;
  version: number;
}

export const BULK_ASSIGNMENT_MODEL = 'BulkAssignment';

const ResultSchema = new Schema<BulkAssignmentResult>(
  {
    menteeId: { type: String, required: true },
    outcome: { type: String, required: true, enum: BULK_ASSIGNMENT_OUTCOMES },
    assignmentId: { type: String },
    reason: { type: String },
  },
  { _id: false },
);

export const BulkAssignmentSchema = new Schema<BulkAssignmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    roles: { type: [String], enum: GROUP_ROLES, required: true },
    coachIds: { type: [String], required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    menteeIds: { type: [String], default: [] },
    results: { type: [ResultSchema], default: [] },
    state: { type: String, required: true, enum: BULK_STATES },
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'bulk_assignments', versionKey: false, minimize: false },
);

// Compare-and-set of a chunk's progress: exactly these fields, an index on both engines.
BulkAssignmentSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'bulk_assignment_version' },
);
// The runner's recovery (non-unique: real MongoDB only; the stand-in scans, a cold path).
BulkAssignmentSchema.index({ state: 1, _id: 1 });
