import fc from 'fast-check';
import { ENROLLMENT_STATES, type EnrollmentState } from '@lms/contracts';
import { planStateOf, type PlanState } from './plan-state';

const SET_ASIDE = ['waiting', 'to_be_confirmed', 'suspended', 'overbooking'] as const;
const aState = fc.constantFrom(...ENROLLMENT_STATES);
const someStates = fc.array(aState, { maxLength: 8 });

describe('planStateOf (seed 004, "Stati degli Utenti nei Piani Formativi")', () => {
  const table: Array<[string, EnrollmentState[], PlanState]> = [
    ['enrolled in none of the courses: kept, nothing started', [], 'enrolled'],
    ['enrolled in one course, not started', ['enrolled'], 'enrolled'],
    ['enrolled in every course, none started', ['enrolled', 'enrolled', 'enrolled'], 'enrolled'],
    ['one course in progress', ['in_progress'], 'in_progress'],
    ['one in progress, the others not started', ['enrolled', 'in_progress', 'enrolled'], 'in_progress'],
    ['one in progress, one completed', ['in_progress', 'completed'], 'in_progress'],
    ['one in progress, the other waiting', ['in_progress', 'waiting'], 'in_progress'],
    ['one completed, one enrolled not started', ['completed', 'enrolled'], 'in_progress'],
    ['one completed, one enrolled, one suspended', ['completed', 'enrolled', 'suspended'], 'in_progress'],
    ['one course, completed', ['completed'], 'completed'],
    ['every course completed', ['completed', 'completed', 'completed'], 'completed'],
    ['completed and waiting', ['completed', 'waiting'], 'completed'],
    ['completed and to be confirmed', ['completed', 'to_be_confirmed'], 'completed'],
    ['completed and suspended', ['completed', 'suspended'], 'completed'],
    ['completed and overbooking', ['completed', 'overbooking'], 'completed'],
    ['completed and every set-aside state', ['completed', ...SET_ASIDE], 'completed'],
    ['only waiting', ['waiting'], 'completed'],
    ['only to be confirmed', ['to_be_confirmed'], 'completed'],
    ['only suspended', ['suspended'], 'completed'],
    ['only overbooking', ['overbooking'], 'completed'],
    ['only set-aside states, mixed', ['waiting', 'suspended', 'overbooking', 'to_be_confirmed'], 'completed'],
    ['enrolled and waiting: one still to start', ['enrolled', 'waiting'], 'enrolled'],
    ['enrolled and every set-aside state', ['enrolled', ...SET_ASIDE], 'enrolled'],
    [
      'in progress among set-aside and completed ones',
      ['suspended', 'completed', 'in_progress'],
      'in_progress',
    ],
    ['every state at once', [...ENROLLMENT_STATES], 'in_progress'],
  ];

  it.each(table)('given %s, then the plan is as the seed defines', (_case, states, expected) => {
    expect(planStateOf(states)).toBe(expected);
  });

  it('given any courses in any order, then the state depends only on which states are held, never on their order or repetition', () => {
    fc.assert(
      fc.property(someStates, fc.context(), (states, ctx) => {
        const shuffled = [...states].reverse();
        const repeated = [...states, ...states];
        ctx.log(JSON.stringify(states));
        expect(planStateOf(shuffled)).toBe(planStateOf(states));
        expect(planStateOf(repeated)).toBe(planStateOf(states));
      }),
    );
  });

  it('given a completed plan, when a completed or set-aside course is added, then it stays completed', () => {
    fc.assert(
      fc.property(
        someStates,
        fc.constantFrom<EnrollmentState>('completed', ...SET_ASIDE),
        (states, added) => {
          fc.pre(planStateOf(states) === 'completed');
          expect(planStateOf([...states, added])).toBe('completed');
        },
      ),
    );
  });

  it('given any courses, then a course in progress makes the plan in progress, and a course not started keeps it from completed', () => {
    fc.assert(
      fc.property(someStates, (states) => {
        expect(planStateOf([...states, 'in_progress'])).toBe('in_progress');
        expect(planStateOf([...states, 'enrolled'])).not.toBe('completed');
      }),
    );
  });
});
