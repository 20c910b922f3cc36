import type { CourseKind, EnrollmentPolicy } from '../../courses/domain/course';
import type { EnrollmentState } from './enrollment';

/** Whether a seat of the chosen session was taken for the new enrollment (instructor-led only). */
export type SeatOutcome = 'taken' | 'full';

/**
 * LE-E2, seed 004: the first state of an enrollment. An approval policy holds the learner
 * until an administrator decides: `waiting` for e-learning, `to_be_confirmed` for an
 * instructor-led course (it sees the material, it does not attend). A free policy enrolls at
 * once, into a seat of the session for an instructor-led course, or `waiting` when the
 * session is full.
 */
export function firstState(kind: CourseKind, policy: EnrollmentPolicy, seat?: SeatOutcome): EnrollmentState {
  if (policy === 'approval') return kind === 'ilt' ? 'to_be_confirmed' : 'waiting';
  if (kind === 'ilt' && seat !== 'taken') return 'waiting';
  return 'enrolled';
}

/** Whether enrolling in a course of `kind` under `policy` asks its session for a seat first. */
export function needsSeatToEnroll(kind: CourseKind, policy: EnrollmentPolicy): boolean {
  return kind === 'ilt' && policy === 'free';
}
