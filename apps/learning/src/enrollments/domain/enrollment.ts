import { ATTENDANCES, ENROLLMENT_STATES, type Attendance, type EnrollmentState } from '@lms/contracts';
import type { CourseKind } from '../../courses/domain/course';

/** The seven states of seed 004 (LE-E1). */
export { ENROLLMENT_STATES, type EnrollmentState };
/** An instructor's mark of a learner at its session: `attended` or `absent` (LE-C2). */
export { ATTENDANCES, type Attendance };

/**
 * A learner's enrollment in a course (LE-E1): one per tenant, course and learner; in a session
 * for an instructor-led course, in none for e-learning.
 */
export interface Enrollment {
  id: string;
  tenantId: string;
  courseId: string;
  userId: string;
  /** The course's kind, which never changes: it decides which states and moves apply. */
  courseKind: CourseKind;
  /** The session of an instructor-led course; null for e-learning. */
  sessionId: string | null;
  state: EnrollmentState;
  /** The indexes of the course's material items the learner completed, ascending. */
  completedMaterial: number[];
  /** When the learner first accessed the course: opened it, or attended its session; null: never. */
  firstAccessedAt: Date | null;
  /**
   * Whether that first access is an attended session, the learner not having opened the course
   * itself yet: its own first opening is still to be announced (LE-E4), and an attendance
   * corrected to absent takes the access back.
   */
  firstAccessByAttendance: boolean;
  /** The instructor's mark of the learner at its session (instructor-led only); null: none yet. */
  attendance: Attendance | null;
  /** When the attendance, grade or note was last marked; null: never. */
  attendanceMarkedAt: Date | null;
  /** The account that marked them; null: nobody yet. */
  attendanceMarkedBy: string | null;
  /** The grade given with the attendance, a whole number from 0 to 100; null: none. */
  grade: number | null;
  /** The instructor's short note with the attendance; null: none. */
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What a new enrollment is made of. */
export interface NewEnrollment {
  tenantId: string;
  courseId: string;
  userId: string;
  courseKind: CourseKind;
  sessionId: string | null;
  state: EnrollmentState;
}

/** A new enrollment at version 1, created and updated `now`. */
export function newEnrollment(input: NewEnrollment, at: { id: string; now: Date }): Enrollment {
  return {
    id: at.id,
    ...input,
    completedMaterial: [],
    firstAccessedAt: null,
    firstAccessByAttendance: false,
    attendance: null,
    attendanceMarkedAt: null,
    attendanceMarkedBy: null,
    grade: null,
    note: null,
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The enrollment in `state`, at its next version, updated `now`. */
export function withState(enrollment: Enrollment, state: EnrollmentState, now: Date): Enrollment {
  return { ...enrollment, state, updatedAt: now, version: enrollment.version + 1 };
}
