import { ENROLLMENT_STATES, type EnrollmentState } from '@lms/contracts';
import type { CourseKind } from '../../courses/domain/course';

/** The seven states of seed 004 (LE-E1). */
export { ENROLLMENT_STATES, type EnrollmentState };

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
  /** When the learner first opened the course; null: never. */
  firstAccessedAt: Date | null;
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
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The enrollment in `state`, at its next version, updated `now`. */
export function withState(enrollment: Enrollment, state: EnrollmentState, now: Date): Enrollment {
  return { ...enrollment, state, updatedAt: now, version: enrollment.version + 1 };
}
