import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * The states of an enrollment in a course (LE-E1): `enrolled` (nothing opened yet),
 * `in_progress`, `completed`, `waiting` (approval or a seat pending: no access),
 * `to_be_confirmed` (a session's approval pending: sees the material, does not attend),
 * `suspended` (no access to the course) and `overbooking` (e-learning only: enrolled, no access).
 */
export const ENROLLMENT_STATES = [
  'enrolled',
  'in_progress',
  'completed',
  'waiting',
  'to_be_confirmed',
  'suspended',
  'overbooking',
] as const;
export type EnrollmentState = (typeof ENROLLMENT_STATES)[number];

/** An instructor's mark of a learner at its instructor-led session (LE-C2, LE-E1). */
export const ATTENDANCES = ['attended', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/**
 * Full state of an enrollment (event-carried state transfer): a projection needs nothing else.
 * The aggregate is the enrollment (`aggregateId` = the enrollment's id).
 */
export class EnrollmentStateV1 {
  @IsUUID() enrollmentId!: string;
  @IsString() @Length(1, 100) courseId!: string;
  /** The course's title when the event was written (for mails; absent from older events). */
  @IsOptional() @IsString() @Length(1, 200) courseTitle?: string;
  @IsUUID() userId!: string;
  /** The session of an instructor-led course; null for e-learning. */
  @IsOptional() @IsString() @Length(1, 100) sessionId!: string | null;
  @IsIn(ENROLLMENT_STATES) state!: EnrollmentState;
  /** The state before the change the event carries; null for a new enrollment. */
  @IsOptional() @IsIn(ENROLLMENT_STATES) previousState!: EnrollmentState | null;
  /**
   * An instructor-led session's attendance as its instructor marked it; absent until one is
   * marked (and from older events).
   */
  @IsOptional() @IsIn(ATTENDANCES) attendance?: Attendance;
  /** The grade given with the attendance, 0 to 100; null: none; absent until an attendance is marked. */
  @IsOptional() @IsInt() @Min(0) @Max(100) grade?: number | null;
  /** ISO 8601 instant of the change the event carries. */
  @IsISO8601() updatedAt!: string;
}

/** A learner was enrolled in a course (LE-E1, LE-E2): its first state. */
export class EnrollmentCreatedV1 extends EnrollmentStateV1 {}
/** The enrollment moved to another state: by progress, a freed seat, or an administrator. */
export class EnrollmentStateChangedV1 extends EnrollmentStateV1 {}
/** The learner was unenrolled; the payload is its last state. */
export class EnrollmentDeletedV1 extends EnrollmentStateV1 {}

export const EnrollmentsStream = defineStream({
  topic: 'learning.enrollments.v1',
  partitions: 6,
  compacted: true,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'enrollment.created': EnrollmentCreatedV1,
    'enrollment.state-changed': EnrollmentStateChangedV1,
    'enrollment.deleted': EnrollmentDeletedV1,
  },
});
