import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import { defineStream } from '../define-stream';

export const ASSIGNMENT_STATUSES = ['current', 'ended', 'expired'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ORIGINS = ['individual', 'group'] as const;
export type AssignmentOrigin = (typeof ASSIGNMENT_ORIGINS)[number];

/** Full state of an individual coach assignment (CO-A1), derived or not from a group assignment. */
export class AssignmentStateV1 {
  @IsUUID() assignmentId!: string;
  @IsUUID() menteeId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true }) coachIds!: string[];
  @IsIn(ASSIGNMENT_ORIGINS) origin!: AssignmentOrigin;
  @ValidateIf((o: AssignmentStateV1) => o.origin === 'group') @IsUUID() groupAssignmentId!: string | null;
  @ValidateIf((o: AssignmentStateV1) => o.origin === 'group') @IsUUID() groupId!: string | null;
  @IsISO8601({ strict: true }) startDate!: string;
  @IsOptional() @IsISO8601({ strict: true }) endDate!: string | null;
  @IsIn(ASSIGNMENT_STATUSES) status!: AssignmentStatus;
}

export class AssignmentCreatedV1 extends AssignmentStateV1 {}

export class AssignmentEndedV1 extends AssignmentStateV1 {
  @IsISO8601() endedAt!: string;
  @IsString() reason!: string;
}

export const AssignmentsStream = defineStream({
  topic: 'coaching.assignments.v1',
  partitions: 12,
  owner: 'coaching',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'assignment.created': AssignmentCreatedV1,
    'assignment.ended': AssignmentEndedV1,
  },
});
