import {
  foldSessionChanges,
  reminderDecision,
  type ScheduledSession,
  type SessionChange,
} from './scheduled-session';

const START = new Date('2027-01-15T08:00:00.000Z');

function change(version: number, startsAt = START, cancelled = false): SessionChange {
  return {
    tenantId: 'tenant-1',
    sessionId: 'session-1',
    courseId: 'course-1',
    courseTitle: 'Negotiation',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 8 * 3_600_000),
    place: 'Room 4',
    link: null,
    cancelled,
    version,
  };
}

describe('the sessions kept for reminders', () => {
  it('given changes in any order, then the newest newer than what is stored is written, and the stale ones are told apart', () => {
    expect(foldSessionChanges(2, [change(4), change(1), change(3)], null)).toEqual({
      write: { ...change(4), reminderDue: true },
      newer: [true, false, true],
    });
    expect(foldSessionChanges(4, [change(4), change(2)], null)).toEqual({
      write: null,
      newer: [false, false],
    });
  });

  it('given learners reminded of a start, then a change keeping that start is not due again, one moving it is, and a cancelled session never is', () => {
    const later = new Date('2027-01-16T08:00:00.000Z');
    expect(foldSessionChanges(1, [change(2)], START).write?.reminderDue).toBe(false);
    expect(foldSessionChanges(2, [change(3, later)], START).write?.reminderDue).toBe(true);
    expect(foldSessionChanges(3, [change(4, later, true)], null).write?.reminderDue).toBe(false);
  });

  it('given a session due, then its learners are reminded before it starts, never once it has started or when cancelled', () => {
    const session: ScheduledSession = { ...change(1), remindedStartsAt: null, reminderDue: true };
    expect(reminderDecision(session, new Date('2027-01-14T09:00:00.000Z'))).toBe('remind');
    expect(reminderDecision(session, START)).toBe('skip');
    expect(reminderDecision({ ...session, cancelled: true }, new Date('2027-01-14T09:00:00.000Z'))).toBe(
      'skip',
    );
  });
});
