import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateIf,
} from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * Where an assignment is in its life (CO-A1, CO-A6, CO-A8): `scheduled` until its start date,
 * `current` from then, `expired` once its end date has passed, `ended` when ended on purpose.
 * Whether it grants anything meanwhile is said apart, by `active` (CO-A5).
 */
export const ASSIGNMENT_STATUSES = ['scheduled', 'current', 'expired', 'ended'] as const;
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
  /** False while deactivated (CO-A5): the setup is kept, nothing is granted. Absent: true. */
  @IsOptional() @IsBoolean() active?: boolean;
}

export class AssignmentCreatedV1 extends AssignmentStateV1 {}

export class AssignmentEndedV1 extends AssignmentStateV1 {
  @IsISO8601() endedAt!: string;
  @IsString() reason!: string;
}

/** Its dates were edited (CO-A4), or it was deactivated or activated (CO-A5). */
export class AssignmentUpdatedV1 extends AssignmentStateV1 {}
/** A scheduled assignment reached its start date: it is current from now on (CO-A1). */
export class AssignmentStartedV1 extends AssignmentStateV1 {}
/** Its end date has passed (CO-A8). */
export class AssignmentExpiredV1 extends AssignmentStateV1 {}
/** An expired assignment is current again, from a new start date (CO-A8). */
export class AssignmentReactivatedV1 extends AssignmentStateV1 {}
/** Handed to other coaches (CO-A7): `previousCoachIds` lose the mentee, `coachIds` gain it. */
export class AssignmentTransferredV1 extends AssignmentStateV1 {
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true }) previousCoachIds!: string[];
  /**
   * True when the artifacts the mentee shared with the previous coaches during the
   * assignment's window move to the new ones (CO-A7); absent or false: the shares stay.
   */
  @IsOptional() @IsBoolean() reshareArtifacts?: boolean;
}
/**
 * Its end date is near (CO-A8): announced once per end date, `daysLeft` days before it (0: it
 * ends today, its last coached day), so that the people involved are told.
 */
export class AssignmentExpiringV1 extends AssignmentStateV1 {
  @IsInt() @Min(0) daysLeft!: number;
}
/** Deleted for good (CO-A9): gone from every list and report; shares are kept. */
export class AssignmentDeletedV1 extends AssignmentStateV1 {}

export const AssignmentsStream = defineStream({
  topic: 'coaching.assignments.v1',
  partitions: 12,
  owner: 'coaching',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'assignment.created': AssignmentCreatedV1,
    'assignment.ended': AssignmentEndedV1,
    'assignment.updated': AssignmentUpdatedV1,
    'assignment.started': AssignmentStartedV1,
    'assignment.expired': AssignmentExpiredV1,
    'assignment.reactivated': AssignmentReactivatedV1,
    'assignment.transferred': AssignmentTransferredV1,
    'assignment.expiring': AssignmentExpiringV1,
    'assignment.deleted': AssignmentDeletedV1,
  },
});
