import type { Assignment } from './assignment';
import {
  deleteForGood,
  editDates,
  endNow,
  followCalendar,
  newIndividualAssignment,
  reactivate,
  setActive,
  statusOnDay,
  type AssignmentChange,
  type ChangeContext,
} from './assignment-lifecycle';

const NOW = new Date('2025-03-10T09:00:00.000Z');
const TODAY: ChangeContext = { now: NOW, today: '2025-03-10' };

function individual(overrides: Partial<Assignment> = {}): Assignment {
  return {
    ...newIndividualAssignment(
      {
        tenantId: 't',
        menteeId: 'mentee',
        coachIds: ['coach-1', 'coach-2'],
        groupId: null,
        dates: { startDate: '2025-03-01', endDate: '2025-06-30' },
      },
      { ...TODAY, id: 'a1', now: new Date('2025-03-01T08:00:00.000Z') },
    ),
    ...overrides,
  };
}

const derived = (): Assignment => individual({ origin: 'group', groupAssignmentId: 'ga-1', groupId: 'g-1' });

/** The assignment a change wrote, failing the test when it wrote none. */
function written(change: AssignmentChange): Assignment & { event: string } {
  if (change.outcome !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(change)}`);
  return { ...change.assignment, event: change.event };
}

describe('the status dates give a day', () => {
  it.each([
    ['2025-03-11', null, 'scheduled'],
    ['2025-03-10', null, 'current'],
    ['2024-01-01', '2025-03-10', 'current'],
    ['2024-01-01', '2025-03-09', 'expired'],
  ] as const)('from %s to %s, on 2025-03-10, it is %s', (startDate, endDate, status) => {
    expect(statusOnDay({ startDate, endDate }, '2025-03-10')).toBe(status);
  });
});

describe('a new individual assignment (CO-A1)', () => {
  it('given a backdated start, then it is current and active from creation', () => {
    const created = newIndividualAssignment(
      {
        tenantId: 't',
        menteeId: 'm',
        coachIds: ['c'],
        groupId: 'g',
        dates: { startDate: '2024-12-01', endDate: null },
      },
      { ...TODAY, id: 'a1' },
    );
    expect(created).toMatchObject({
      status: 'current',
      active: true,
      origin: 'individual',
      groupId: 'g',
      version: 1,
    });
  });

  it('given a start after today, then it is scheduled until that day', () => {
    const created = newIndividualAssignment(
      {
        tenantId: 't',
        menteeId: 'm',
        coachIds: ['c'],
        groupId: null,
        dates: { startDate: '2025-04-01', endDate: null },
      },
      { ...TODAY, id: 'a1' },
    );
    expect(created.status).toBe('scheduled');
  });
});

describe('editing the dates (CO-A4)', () => {
  it('given a new end, then only the end changes, at the next version, with assignment.updated', () => {
    const edited = written(editDates(individual(), { endDate: '2025-12-31' }, TODAY));
    expect(edited).toMatchObject({
      startDate: '2025-03-01',
      endDate: '2025-12-31',
      status: 'current',
      version: 2,
      updatedAt: NOW,
      event: 'assignment.updated',
    });
  });

  it('given a start moved after today, then it is scheduled again; an end removed with null, then open-ended', () => {
    expect(written(editDates(individual(), { startDate: '2025-04-01' }, TODAY)).status).toBe('scheduled');
    expect(written(editDates(individual(), { endDate: null }, TODAY)).endDate).toBeNull();
  });

  it('given an end moved before today, then it is expired at once', () => {
    expect(written(editDates(individual(), { endDate: '2025-03-05' }, TODAY)).status).toBe('expired');
  });

  it('given the same dates, then nothing is written', () => {
    expect(editDates(individual(), { startDate: '2025-03-01', endDate: '2025-06-30' }, TODAY)).toEqual({
      outcome: 'unchanged',
    });
  });

  it.each([
    [
      'an end before the start',
      individual(),
      { endDate: '2025-02-01' },
      { rule: 'dates', reason: 'endDate is before startDate' },
    ],
    ['an ended assignment', individual({ status: 'ended' }), { endDate: '2025-12-31' }, { rule: 'ended' }],
    [
      'an expired assignment',
      individual({ status: 'expired' }),
      { endDate: '2025-12-31' },
      { rule: 'expired' },
    ],
    [
      'a derived assignment',
      derived(),
      { endDate: '2025-12-31' },
      { rule: 'derived', groupAssignmentId: 'ga-1' },
    ],
  ])('given %s, then it is refused', (_case, assignment, dates, refusal) => {
    expect(editDates(assignment, dates, TODAY)).toEqual({ outcome: 'refused', refusal });
  });
});

describe('deactivating and activating (CO-A5)', () => {
  it('given an active assignment, when deactivated, then it keeps its dates and status and grants nothing', () => {
    const off = written(setActive(individual(), false, TODAY));
    expect(off).toMatchObject({
      active: false,
      status: 'current',
      startDate: '2025-03-01',
      event: 'assignment.updated',
    });
    expect(written(setActive(off, true, TODAY))).toMatchObject({ active: true, version: 3 });
  });

  it('given a scheduled or expired assignment, then it is deactivated too, whatever the dates', () => {
    expect(written(setActive(individual({ status: 'scheduled' }), false, TODAY)).active).toBe(false);
    expect(written(setActive(individual({ status: 'expired' }), false, TODAY)).active).toBe(false);
  });

  it('given it is already so, then nothing is written; an ended or derived one is refused', () => {
    expect(setActive(individual(), true, TODAY)).toEqual({ outcome: 'unchanged' });
    expect(setActive(individual({ status: 'ended' }), false, TODAY)).toEqual({
      outcome: 'refused',
      refusal: { rule: 'ended' },
    });
    expect(setActive(derived(), false, TODAY)).toMatchObject({
      outcome: 'refused',
      refusal: { rule: 'derived' },
    });
  });
});

describe('ending now (CO-A6)', () => {
  it.each(['scheduled', 'current', 'expired'] as const)(
    'given a %s assignment, then it ends now',
    (status) => {
      expect(written(endNow(individual({ status }), TODAY))).toMatchObject({
        status: 'ended',
        endedAt: NOW,
        endReason: 'ended-now',
        startDate: '2025-03-01',
        endDate: '2025-06-30',
        event: 'assignment.ended',
      });
    },
  );

  it('given an ended or a derived assignment, then it is refused', () => {
    expect(endNow(individual({ status: 'ended' }), TODAY)).toEqual({
      outcome: 'refused',
      refusal: { rule: 'ended' },
    });
    expect(endNow(derived(), TODAY)).toMatchObject({ outcome: 'refused', refusal: { rule: 'derived' } });
  });
});

describe('expiry and reactivation (CO-A8)', () => {
  it('given the day after the end date, then the calendar expires it; on the end date it is still current', () => {
    const assignment = individual({ endDate: '2025-03-10' });
    expect(followCalendar(assignment, TODAY)).toEqual({ outcome: 'unchanged' });
    const next = { now: new Date('2025-03-11T00:00:05.000Z'), today: '2025-03-11' };
    expect(written(followCalendar(assignment, next))).toMatchObject({
      status: 'expired',
      event: 'assignment.expired',
    });
  });

  it('given a scheduled assignment on its start day, then the calendar starts it', () => {
    const scheduled = individual({ status: 'scheduled', startDate: '2025-03-10', endDate: null });
    expect(written(followCalendar(scheduled, TODAY))).toMatchObject({
      status: 'current',
      event: 'assignment.started',
    });
  });

  it('given a scheduled assignment whose whole window passed unseen, then it goes straight to expired', () => {
    const scheduled = individual({ status: 'scheduled', startDate: '2025-03-02', endDate: '2025-03-05' });
    expect(written(followCalendar(scheduled, TODAY)).status).toBe('expired');
  });

  it('given an ended, expired, deleted or derived assignment, then the calendar leaves it', () => {
    const past = { endDate: '2025-03-01' };
    for (const assignment of [
      individual({ ...past, status: 'ended' }),
      individual({ ...past, status: 'expired' }),
      individual({ ...past, deletedAt: NOW }),
      { ...derived(), ...past },
    ])
      expect(followCalendar(assignment, TODAY)).toEqual({ outcome: 'unchanged' });
  });

  it('given an expired assignment, when reactivated, then it is current from today with no end', () => {
    expect(
      written(reactivate(individual({ status: 'expired', endDate: '2025-03-05' }), {}, TODAY)),
    ).toMatchObject({
      status: 'current',
      startDate: '2025-03-10',
      endDate: null,
      event: 'assignment.reactivated',
    });
  });

  it("given the tenant's day ahead of UTC's, when reactivated without a start date, then it starts on the tenant's day", () => {
    // 23:30 UTC on 10 March is already 11 March in the tenant's zone (Asia/Tokyo, say).
    const late: ChangeContext = { now: new Date('2025-03-10T23:30:00.000Z'), today: '2025-03-11' };

    expect(
      written(reactivate(individual({ status: 'expired', endDate: '2025-03-05' }), {}, late)),
    ).toMatchObject({ status: 'current', startDate: '2025-03-11', endDate: null });
  });

  it('given a later start, when reactivated, then it is scheduled', () => {
    const expired = individual({ status: 'expired', endDate: '2025-03-05' });
    expect(written(reactivate(expired, { startDate: '2025-04-01' }, TODAY)).status).toBe('scheduled');
  });

  it('given a current, scheduled, ended or derived assignment, then reactivation is refused', () => {
    expect(reactivate(individual(), {}, TODAY)).toEqual({
      outcome: 'refused',
      refusal: { rule: 'not-expired', status: 'current' },
    });
    expect(reactivate(individual({ status: 'scheduled' }), {}, TODAY)).toMatchObject({
      refusal: { rule: 'not-expired', status: 'scheduled' },
    });
    expect(reactivate(individual({ status: 'ended' }), {}, TODAY)).toMatchObject({
      refusal: { rule: 'ended' },
    });
    expect(reactivate({ ...derived(), status: 'expired' }, {}, TODAY)).toMatchObject({
      refusal: { rule: 'derived' },
    });
  });
});

describe('deleting for good (CO-A9)', () => {
  it('given the word DELETE, then it is deleted in any state, ended included', () => {
    for (const status of ['scheduled', 'current', 'expired', 'ended'] as const)
      expect(written(deleteForGood(individual({ status }), 'DELETE', TODAY))).toMatchObject({
        deletedAt: NOW,
        status,
        event: 'assignment.deleted',
      });
  });

  it('given no word, another word or a derived assignment, then it is refused', () => {
    for (const word of [undefined, 'delete', 'DELETE '])
      expect(deleteForGood(individual(), word, TODAY)).toEqual({
        outcome: 'refused',
        refusal: { rule: 'not-confirmed' },
      });
    expect(deleteForGood(derived(), 'DELETE', TODAY)).toMatchObject({ refusal: { rule: 'derived' } });
  });
});
