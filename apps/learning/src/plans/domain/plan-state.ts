import { PLAN_STATES, type EnrollmentState, type PlanState } from '@lms/contracts';

/** The three states of a learner in a plan (seed 004, "Stati degli Utenti nei Piani Formativi"). */
export { PLAN_STATES, type PlanState };

/**
 * Enrollment states that count as done for the plan although the course was not completed
 * (seed 004: "Utenti in Attesa, Iscrizione da Confermare, Sospeso o Overbooking").
 */
const SET_ASIDE: readonly EnrollmentState[] = ['waiting', 'to_be_confirmed', 'suspended', 'overbooking'];

/**
 * LE-P1: a learner's state in a plan, from the states of its live enrollments in the plan's
 * courses (a course it is not enrolled in is simply absent; the order does not matter). Seed
 * 004, read as one rule for every combination:
 *
 * 1. `in_progress` when one course is `in_progress`, or one is `completed` while another is
 *    still `enrolled` (not started): the learner has started the plan and not finished it.
 * 2. `completed` when at least one course is enrolled in and none is left to do: every one is
 *    `completed` or set aside (`waiting`, `to_be_confirmed`, `suspended`, `overbooking`), which
 *    includes a plan whose courses are all set aside.
 * 3. `enrolled` (not started) otherwise: some course is `enrolled` and none was started or
 *    completed (set-aside courses beside it change nothing), and also when the learner holds no
 *    live enrollment in the plan's courses at all (every course unpublished, or unenrolled): the
 *    plan is kept, with nothing started.
 */
export function planStateOf(courseStates: readonly EnrollmentState[]): PlanState {
  const has = (state: EnrollmentState) => courseStates.includes(state);
  if (has('in_progress')) return 'in_progress';
  if (has('completed') && has('enrolled')) return 'in_progress';
  const leftToDo = courseStates.some((state) => state !== 'completed' && !SET_ASIDE.includes(state));
  if (courseStates.length > 0 && !leftToDo) return 'completed';
  return 'enrolled';
}
