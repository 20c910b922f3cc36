import { Schema } from 'mongoose';
import { GROUP_ROLES, type GroupRole } from '@lms/contracts';
import {
  GROUP_ENROLLMENT_STATUSES,
  type GroupEnrollmentCounts,
  type GroupEnrollmentStatus,
} from '../domain/group-enrollment';

export const GROUP_ENROLLMENT_MODEL = 'GroupEnrollment';
export const GROUP_ENROLLMENT_DEPARTURE_MODEL = 'GroupEnrollmentDeparture';

export interface GroupEnrollmentDocument {
  _id: string;
  tenantId: string;
  groupId: string;
  targetKind: 'course' | 'plan';
  courseId: string | null;
  sessionId: string | null;
  planId: string | null;
  roles: GroupRole[];
  status: GroupEnrollmentStatus;
  /**
   * `<groupId>:<course:id | plan:id>` while not ended, the group enrollment's own id once it
   * is: unique per tenant, so that a group is enrolled once in a target at a time.
   */
  currentKey: string;
  cursor: string | null;
  membersRead: number;
  counts: GroupEnrollmentCounts;
  joined: GroupEnrollmentCounts;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  version: number;
}

const COUNTS = {
  enrolled: { type: Number, required: true },
  kept: { type: Number, required: true },
  notEnrolled: { type: Number, required: true },
};

export const GroupEnrollmentSchema = new Schema<GroupEnrollmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupId: { type: String, required: true },
    targetKind: { type: String, required: true, enum: ['course', 'plan'] },
    courseId: { type: String, default: null },
    sessionId: { type: String, default: null },
    planId: { type: String, default: null },
    roles: { type: [String], enum: GROUP_ROLES, default: [] },
    status: { type: String, required: true, enum: GROUP_ENROLLMENT_STATUSES },
    currentKey: { type: String, required: true },
    cursor: { type: String, default: null },
    membersRead: { type: Number, required: true },
    counts: { type: COUNTS, _id: false, required: true },
    joined: { type: COUNTS, _id: false, required: true },
    createdBy: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'group_enrollments', versionKey: false },
);

// One current group enrollment per tenant, group and target (LE-G1).
GroupEnrollmentSchema.index(
  { tenantId: 1, currentKey: 1 },
  { unique: true, name: 'group_enrollment_current' },
);
// Compare-and-set of the job's progress and of an ending: exactly these fields, so that the
// local stand-in serves the filter from an index too (MongoDB uses `_id`).
GroupEnrollmentSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'group_enrollment_version' },
);
// The current ones of the groups a batch of membership events touches, and the tenant's list:
// non-unique, real MongoDB only; the stand-in scans (a collection of a few documents per group).
GroupEnrollmentSchema.index({ tenantId: 1, groupId: 1, status: 1 });
GroupEnrollmentSchema.index({ tenantId: 1, _id: -1 });
GroupEnrollmentSchema.index({ status: 1 });

export interface GroupEnrollmentDepartureDocument {
  /** `<groupEnrollmentId>:<userId>`. */
  _id: string;
  tenantId: string;
  groupEnrollmentId: string;
  userId: string;
  leftAt: Date;
}

export const GroupEnrollmentDepartureSchema = new Schema<GroupEnrollmentDepartureDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    groupEnrollmentId: { type: String, required: true },
    userId: { type: String, required: true },
    leftAt: { type: Date, required: true },
  },
  { collection: 'group_enrollment_departures', versionKey: false },
);

// One group enrollment's departures by member (`GET .../departures`): non-unique, real MongoDB
// only; the stand-in scans (a cold read).
GroupEnrollmentDepartureSchema.index({ tenantId: 1, groupEnrollmentId: 1, _id: 1 });
