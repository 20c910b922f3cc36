import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { defineStream } from '../define-stream';
import { GROUP_ROLES, type GroupRole } from '../identity/group-memberships.stream';

export const GROUP_ASSIGNMENT_STATUSES = ['current', 'ended', 'expired'] as const;
export type GroupAssignmentStatus = (typeof GROUP_ASSIGNMENT_STATUSES)[number];

/** Full state of a group assignment (CO-A2). */
export class GroupAssignmentStateV1 {
  @IsUUID() groupAssignmentId!: string;
  @IsUUID() groupId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(GROUP_ROLES, { each: true }) roles!: GroupRole[];
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true }) coachIds!: string[];
  @IsISO8601({ strict: true }) startDate!: string;
  @IsOptional() @IsISO8601({ strict: true }) endDate!: string | null;
  @IsIn(GROUP_ASSIGNMENT_STATUSES) status!: GroupAssignmentStatus;
  /** False while deactivated (CO-A5), its derived assignments with it. Absent: true. */
  @IsOptional() @IsBoolean() active?: boolean;
}

export class GroupAssignmentCreatedV1 extends GroupAssignmentStateV1 {}
export class GroupAssignmentEndedV1 extends GroupAssignmentStateV1 {}
/** Deactivated or activated (CO-A5), or its dates edited (CO-A4): its derived assignments follow. */
export class GroupAssignmentUpdatedV1 extends GroupAssignmentStateV1 {}
/** Handed to other coaches (CO-A7): its derived assignments follow. */
export class GroupAssignmentTransferredV1 extends GroupAssignmentStateV1 {}
/** Deleted for good (CO-A9), its derived assignments with it. */
export class GroupAssignmentDeletedV1 extends GroupAssignmentStateV1 {}
/** Its end date has passed, or was moved into the past (CO-A8): its derived assignments expire. */
export class GroupAssignmentExpiredV1 extends GroupAssignmentStateV1 {}
/** Current again from a new start date (CO-A8): every member matching now gets a new assignment. */
export class GroupAssignmentReactivatedV1 extends GroupAssignmentStateV1 {}

export const GroupAssignmentsStream = defineStream({
  topic: 'coaching.group-assignments.v1',
  partitions: 6,
  owner: 'coaching',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'group-assignment.created': GroupAssignmentCreatedV1,
    'group-assignment.ended': GroupAssignmentEndedV1,
    'group-assignment.updated': GroupAssignmentUpdatedV1,
    'group-assignment.deleted': GroupAssignmentDeletedV1,
    'group-assignment.transferred': GroupAssignmentTransferredV1,
    'group-assignment.expired': GroupAssignmentExpiredV1,
    'group-assignment.reactivated': GroupAssignmentReactivatedV1,
  },
});
