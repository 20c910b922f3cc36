import { decideReading, decideWriting, takesPart, type DiscussionAssignment } from './discussion-access';

const [mentee, coach, otherCoach, stranger] = ['mentee', 'coach-1', 'coach-2', 'stranger'];

function assignment(overrides: Partial<DiscussionAssignment> = {}): DiscussionAssignment {
  return { menteeId: mentee, coachIds: [coach, otherCoach], status: 'current', active: true, ...overrides };
}

describe('takesPart', () => {
  it('given the mentee or any of the coaches, then they take part', () => {
    expect([mentee, coach, otherCoach].map((userId) => takesPart(assignment(), userId))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('given anyone else, or a caller without an account, then they do not', () => {
    expect(takesPart(assignment(), stranger)).toBe(false);
    expect(takesPart(assignment(), null)).toBe(false);
  });
});

describe('decideReading', () => {
  it.each(['scheduled', 'current', 'expired', 'ended'] as const)(
    'given a %s assignment, then its mentee and coaches read its discussion',
    (status) => {
      for (const userId of [mentee, coach]) {
        expect(decideReading(assignment({ status }), userId)).toEqual({ allowed: true });
      }
      expect(decideReading(assignment({ status, active: false }), mentee)).toEqual({ allowed: true });
    },
  );

  it('given anyone else, then reading is forbidden', () => {
    expect(decideReading(assignment(), stranger)).toEqual({ allowed: false, code: 'DISCUSSION.FORBIDDEN' });
    expect(decideReading(assignment(), null)).toEqual({ allowed: false, code: 'DISCUSSION.FORBIDDEN' });
  });
});

describe('decideWriting', () => {
  it.each(['scheduled', 'current'] as const)(
    'given an active %s assignment, then its mentee and coaches write',
    (status) => {
      for (const userId of [mentee, coach, otherCoach]) {
        expect(decideWriting(assignment({ status }), userId)).toEqual({ allowed: true });
      }
    },
  );

  it.each(['expired', 'ended'] as const)('given a %s assignment, then the discussion is closed', (status) => {
    expect(decideWriting(assignment({ status }), mentee)).toEqual({
      allowed: false,
      code: 'DISCUSSION.CLOSED',
    });
  });

  it('given a deactivated current assignment, then the discussion is closed', () => {
    expect(decideWriting(assignment({ active: false }), coach)).toEqual({
      allowed: false,
      code: 'DISCUSSION.CLOSED',
    });
  });

  it('given anyone else, then writing is forbidden, whether the discussion is open or closed', () => {
    for (const closed of [assignment(), assignment({ status: 'ended' }), assignment({ active: false })]) {
      expect(decideWriting(closed, stranger)).toEqual({ allowed: false, code: 'DISCUSSION.FORBIDDEN' });
      expect(decideWriting(closed, null)).toEqual({ allowed: false, code: 'DISCUSSION.FORBIDDEN' });
    }
  });
});
