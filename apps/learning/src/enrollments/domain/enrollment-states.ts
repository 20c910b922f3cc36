import type { CourseKind } from '../../courses/domain/course';
import { ENROLLMENT_STATES, type EnrollmentState } from './enrollment';

/** What a learner may do in a course in a given state (seed 004). */
export interface EnrollmentAccess {
  /** Open the course from "my courses". */
  open: boolean;
  /** See its learning material. */
  seeMaterial: boolean;
  /** Attend the sessions of an instructor-led course. */
  attend: boolean;
}

/** The states in which a learner takes part fully: it may open the course and attend its session. */
const TAKING_PART: readonly EnrollmentState[] = ['enrolled', 'in_progress', 'completed'];

/**
 * Seed 004: enrolled, in progress and completed learners open the course freely and attend
 * their session; `to_be_confirmed` sees the course and its material but does not attend;
 * `waiting` (the waiting page), `suspended` and `overbooking` have no access at all.
 */
export function accessOf(kind: CourseKind, state: EnrollmentState): EnrollmentAccess {
  const takesPart = TAKING_PART.includes(state);
  const sees = takesPart || state === 'to_be_confirmed';
  return { open: sees, seeMaterial: sees, attend: takesPart && kind === 'ilt' };
}

/** Whether an enrollment in `state` holds a seat of its instructor-led session (it may attend). */
export function holdsSeat(state: EnrollmentState): boolean {
  return TAKING_PART.includes(state);
}

/** Why an administrator's change of state is refused; null: it is allowed. */
export type ManualMoveProblem = 'same_state' | 'overbooking_on_ilt';

/**
 * LE-E1: an administrator sets any state by hand (seed 004), except that overbooking exists
 * for e-learning courses only, and a move to the state already held changes nothing. Whether an
 * instructor-led session has a seat left is decided apart ({@link holdsSeat}).
 */
export function manualMoveProblem(
  kind: CourseKind,
  from: EnrollmentState,
  to: EnrollmentState,
): ManualMoveProblem | null {
  if (from === to) return 'same_state';
  if (to === 'overbooking' && kind !== 'elearning') return 'overbooking_on_ilt';
  return null;
}

/** The states an administrator may move an enrollment in `from` to. */
export function manualTargets(kind: CourseKind, from: EnrollmentState): EnrollmentState[] {
  return ENROLLMENT_STATES.filter((to) => manualMoveProblem(kind, from, to) === null);
}
