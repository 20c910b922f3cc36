import { firstState, needsSeatToEnroll } from './enrollment-policy';

describe('firstState (LE-E2, seed 004)', () => {
  it('given a free e-learning course, then the learner is enrolled at once', () => {
    expect(firstState('elearning', 'free')).toBe('enrolled');
    expect(needsSeatToEnroll('elearning', 'free')).toBe(false);
  });

  it('given an approval policy, then an e-learning learner waits and an instructor-led one is to be confirmed, without a seat', () => {
    expect(firstState('elearning', 'approval')).toBe('waiting');
    expect(firstState('ilt', 'approval')).toBe('to_be_confirmed');
    expect(needsSeatToEnroll('ilt', 'approval')).toBe(false);
  });

  it('given a free instructor-led course, then a seat taken enrolls and a full session waits', () => {
    expect(needsSeatToEnroll('ilt', 'free')).toBe(true);
    expect(firstState('ilt', 'free', 'taken')).toBe('enrolled');
    expect(firstState('ilt', 'free', 'full')).toBe('waiting');
  });
});
