import fc from 'fast-check';
import { COURSE_KINDS } from '../../courses/domain/course';
import { ENROLLMENT_STATES, type EnrollmentState } from './enrollment';
import { accessOf, holdsSeat, manualMoveProblem, manualTargets } from './enrollment-states';

const aKind = fc.constantFrom(...COURSE_KINDS);
const aState = fc.constantFrom(...ENROLLMENT_STATES);

describe('accessOf (seed 004)', () => {
  it.each<[EnrollmentState, boolean, boolean, boolean]>([
    ['enrolled', true, true, true],
    ['in_progress', true, true, true],
    ['completed', true, true, true],
    ['waiting', false, false, false],
    ['to_be_confirmed', true, true, false],
    ['suspended', false, false, false],
    ['overbooking', false, false, false],
  ])(
    'given an instructor-led enrollment %s, then open %s, see material %s, attend %s',
    (state, open, seeMaterial, attend) => {
      expect(accessOf('ilt', state)).toEqual({ open, seeMaterial, attend });
    },
  );

  it('given an e-learning enrollment in any state, then there is nothing to attend, and it opens exactly when it sees the material', () => {
    for (const state of ENROLLMENT_STATES) {
      const access = accessOf('elearning', state);
      expect(access.attend).toBe(false);
      expect(access.open).toBe(access.seeMaterial);
    }
  });

  it('given any state, then a seat of the session is held exactly when the learner may attend', () => {
    for (const state of ENROLLMENT_STATES) expect(holdsSeat(state)).toBe(accessOf('ilt', state).attend);
  });
});

describe('manualMoveProblem (LE-E1: an administrator sets any state by hand)', () => {
  it('given an e-learning enrollment, then every other state is allowed, overbooking included', () => {
    expect(manualTargets('elearning', 'enrolled')).toEqual([
      'in_progress',
      'completed',
      'waiting',
      'to_be_confirmed',
      'suspended',
      'overbooking',
    ]);
  });

  it('given an instructor-led enrollment, then overbooking is refused and every other state allowed', () => {
    expect(manualMoveProblem('ilt', 'waiting', 'overbooking')).toBe('overbooking_on_ilt');
    expect(manualTargets('ilt', 'waiting')).toEqual([
      'enrolled',
      'in_progress',
      'completed',
      'to_be_confirmed',
      'suspended',
    ]);
  });

  it('holds for any kind and pair of states: a move is allowed unless it keeps the state or overbooks an instructor-led course', () => {
    fc.assert(
      fc.property(aKind, aState, aState, (kind, from, to) => {
        const problem = manualMoveProblem(kind, from, to);
        if (from === to) expect(problem).toBe('same_state');
        else if (to === 'overbooking' && kind === 'ilt') expect(problem).toBe('overbooking_on_ilt');
        else expect(problem).toBeNull();
        // Every state reached by hand can be left by hand to any other allowed state, back included.
        if (problem === null && !(from === 'overbooking' && kind === 'ilt'))
          expect(manualMoveProblem(kind, to, from)).toBeNull();
        expect(manualTargets(kind, from).includes(to)).toBe(problem === null);
      }),
    );
  });
});
