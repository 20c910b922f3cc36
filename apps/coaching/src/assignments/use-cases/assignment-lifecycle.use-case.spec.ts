import { DomainError } from '@lms/kernel';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [MENTEE, COACH_1, COACH_2, STRANGER] = orderedIds(4);

/** The stable code a failed call answered, failing the test when it did not fail that way. */
async function codeOf(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error.code;
}

async function givenAssignment(t: CoachingTestbed, dates: { startDate?: string; endDate?: string } = {}) {
  await t.givenUsers(MENTEE, COACH_1, COACH_2);
  return t.createAssignment.execute({
    tenantId: TENANT,
    menteeId: MENTEE,
    coachIds: [COACH_1, COACH_2],
    ...dates,
  });
}

describe('creating an individual assignment (CO-A1)', () => {
  it('given known, active users, when created backdated with two coaches, then it is current and assignment.created carries it', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });

    const created = await givenAssignment(t, { startDate: '2025-01-15' });

    expect(created).toMatchObject({
      status: 'current',
      active: true,
      startDate: '2025-01-15',
      origin: 'individual',
    });
    const [event] = t.assignmentEvents('assignment.created');
    expect(event.envelope).toMatchObject({
      aggregateId: created.id,
      aggregateVersion: 1,
      payload: { menteeId: MENTEE, coachIds: [COACH_1, COACH_2], status: 'current', active: true },
    });
  });

  it('given a coach nobody told coaching about and a deactivated mentee, then it is refused with each user and why', async () => {
    const t = buildCoachingTestbed();
    await t.givenUsers(COACH_1);
    await t.applyUserEvents.execute([t.userChange(MENTEE, 1, { state: 'deactivated' })]);

    const refused = t.createAssignment.execute({
      tenantId: TENANT,
      menteeId: MENTEE,
      coachIds: [COACH_1, STRANGER],
    });

    await expect(refused).rejects.toMatchObject({
      code: 'ASSIGNMENT.USERS_NOT_ASSIGNABLE',
      details: {
        users: [
          { userId: MENTEE, as: 'mentee', reason: 'deactivated' },
          { userId: STRANGER, as: 'coach', reason: 'unknown' },
        ],
      },
    });
    expect(t.assignmentEvents('assignment.created')).toHaveLength(0);
  });

  it('given the mentee among its coaches, or an end before the start, then it is refused and nothing is written', async () => {
    const t = buildCoachingTestbed();
    await t.givenUsers(MENTEE, COACH_1);

    expect(
      await codeOf(t.createAssignment.execute({ tenantId: TENANT, menteeId: MENTEE, coachIds: [MENTEE] })),
    ).toBe('ASSIGNMENT.SELF_COACHING');
    expect(
      await codeOf(
        t.createAssignment.execute({
          tenantId: TENANT,
          menteeId: MENTEE,
          coachIds: [COACH_1],
          startDate: '2025-04-02',
          endDate: '2025-04-01',
        }),
      ),
    ).toBe('ASSIGNMENT.DATES_INVALID');
    expect(t.assignmentEvents('assignment.created')).toHaveLength(0);
  });
});

describe('an individual assignment through its life (CO-A4..A6, CO-A8, CO-A9)', () => {
  it('edit, deactivate, activate, end: each one version and one event; then every further change is refused', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });
    const { id } = await givenAssignment(t);
    const target = { tenantId: TENANT, id };

    expect(await t.lifecycle.editDates(target, { endDate: '2025-12-31' })).toMatchObject({
      endDate: '2025-12-31',
      version: 2,
    });
    expect(await t.lifecycle.setActive(target, false)).toMatchObject({ active: false, version: 3 });
    expect(await t.lifecycle.setActive(target, false)).toMatchObject({ active: false, version: 3 });
    expect(await t.lifecycle.setActive(target, true)).toMatchObject({ active: true, version: 4 });
    expect(await t.lifecycle.end(target)).toMatchObject({ status: 'ended', version: 5 });

    expect(t.assignmentEvents('assignment.updated').map((e) => e.envelope.aggregateVersion)).toEqual([
      2, 3, 4,
    ]);
    expect(t.assignmentEvents('assignment.ended')[0].envelope).toMatchObject({
      aggregateVersion: 5,
      payload: { status: 'ended', reason: 'ended-now', endedAt: '2025-03-10T09:00:00.000Z' },
    });
    expect(await codeOf(t.lifecycle.end(target))).toBe('ASSIGNMENT.ALREADY_ENDED');
    expect(await codeOf(t.lifecycle.editDates(target, { endDate: null }))).toBe('ASSIGNMENT.ALREADY_ENDED');
    expect(await codeOf(t.lifecycle.reactivate(target, {}))).toBe('ASSIGNMENT.ALREADY_ENDED');
    expect((await t.getAssignment.execute({ tenantId: TENANT, id })).version).toBe(5);
  });

  it('given If-Match with a version no longer current, then nothing is written (412)', async () => {
    const t = buildCoachingTestbed();
    const { id } = await givenAssignment(t);
    await t.lifecycle.setActive({ tenantId: TENANT, id }, false);

    expect(await codeOf(t.lifecycle.end({ tenantId: TENANT, id, expectedVersion: 1 }))).toBe(
      'REQUEST.STALE_VERSION',
    );
    expect((await t.getAssignment.execute({ tenantId: TENANT, id })).status).toBe('current');
  });

  it('given another tenant or an unknown id, then it is not found', async () => {
    const t = buildCoachingTestbed();
    const { id } = await givenAssignment(t);

    expect(await codeOf(t.lifecycle.end({ tenantId: 'other', id }))).toBe('ASSIGNMENT.NOT_FOUND');
    expect(await codeOf(t.lifecycle.end({ tenantId: TENANT, id: STRANGER }))).toBe('ASSIGNMENT.NOT_FOUND');
  });

  it('given an end date, then the calendar expires it the day after, once even when swept twice; reactivated, it is current again', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });
    const { id } = await givenAssignment(t, { startDate: '2025-03-01', endDate: '2025-03-10' });

    expect(await t.followCalendar.execute({ batchSize: 10, noticeDays: 0 })).toEqual({
      started: 0,
      expired: 0,
      announced: 0,
    });
    t.clock.set('2025-03-11T00:00:01.000Z');
    expect(await t.followCalendar.execute({ batchSize: 10, noticeDays: 0 })).toEqual({
      started: 0,
      expired: 1,
      announced: 0,
    });
    expect(await t.followCalendar.execute({ batchSize: 10, noticeDays: 0 })).toEqual({
      started: 0,
      expired: 0,
      announced: 0,
    });
    expect(t.assignmentEvents('assignment.expired')).toHaveLength(1);
    expect(await codeOf(t.lifecycle.editDates({ tenantId: TENANT, id }, { endDate: '2025-12-31' }))).toBe(
      'ASSIGNMENT.EXPIRED',
    );

    const reactivated = await t.lifecycle.reactivate({ tenantId: TENANT, id }, {});
    expect(reactivated).toMatchObject({ status: 'current', startDate: '2025-03-11', endDate: null });
    expect(t.assignmentEvents('assignment.reactivated')).toHaveLength(1);
    expect(await codeOf(t.lifecycle.reactivate({ tenantId: TENANT, id }, {}))).toBe('ASSIGNMENT.NOT_EXPIRED');
  });

  it('given an end date within the notice period, then its coming end is announced once, again for a new end date, never while deactivated', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-01T09:00:00.000Z' });
    const { id } = await givenAssignment(t, { startDate: '2025-02-01', endDate: '2025-03-10' });
    const target = { tenantId: TENANT, id };
    const sweep = () => t.followCalendar.execute({ batchSize: 10, noticeDays: 7 });

    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 0 });
    t.clock.set('2025-03-04T00:00:01.000Z');
    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 1 });
    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 0 });
    expect(t.assignmentEvents('assignment.expiring').map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({ assignmentId: id, endDate: '2025-03-10', daysLeft: 6 }),
    ]);

    await t.lifecycle.editDates(target, { endDate: '2025-03-08' });
    await t.lifecycle.setActive(target, false);
    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 0 });
    await t.lifecycle.setActive(target, true);
    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 1 });
    expect(t.assignmentEvents('assignment.expiring').map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({ endDate: '2025-03-10', daysLeft: 6 }),
      expect.objectContaining({ endDate: '2025-03-08', daysLeft: 4 }),
    ]);
    t.clock.set('2025-03-09T00:00:01.000Z');
    expect(await sweep()).toEqual({ started: 0, expired: 1, announced: 0 });
  });

  it("given a tenant behind UTC, then the calendar expires its assignment only once the end date has passed in the tenant's zone", async () => {
    const t = buildCoachingTestbed({ now: '2025-03-01T12:00:00.000Z' });
    await t.givenTenantTimezone('America/New_York');
    await givenAssignment(t, { startDate: '2025-02-01', endDate: '2025-03-10' });
    const sweep = () => t.followCalendar.execute({ batchSize: 10, noticeDays: 0 });

    // 02:00 UTC on the 11th is still the 10th, the last coached day, in New York.
    t.clock.set('2025-03-11T02:00:00.000Z');
    expect(await sweep()).toEqual({ started: 0, expired: 0, announced: 0 });
    t.clock.set('2025-03-11T05:00:00.000Z');
    expect(await sweep()).toEqual({ started: 0, expired: 1, announced: 0 });
  });

  it("given a tenant ahead of UTC, then the calendar starts its assignment on the tenant's day, before UTC's", async () => {
    const t = buildCoachingTestbed({ now: '2025-03-01T12:00:00.000Z' });
    await t.givenTenantTimezone('Pacific/Kiritimati');
    await givenAssignment(t, { startDate: '2025-03-11' });

    // 12:00 UTC on the 10th is already the 11th in Kiritimati (UTC+14).
    t.clock.set('2025-03-10T12:00:00.000Z');
    expect(await t.followCalendar.execute({ batchSize: 10, noticeDays: 0 })).toEqual({
      started: 1,
      expired: 0,
      announced: 0,
    });
  });

  it('given a notice period of 0, then no end is announced', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-09T09:00:00.000Z' });
    await givenAssignment(t, { startDate: '2025-02-01', endDate: '2025-03-10' });

    expect(await t.followCalendar.execute({ batchSize: 10, noticeDays: 0 })).toEqual({
      started: 0,
      expired: 0,
      announced: 0,
    });
    expect(t.assignmentEvents('assignment.expiring')).toEqual([]);
  });

  it('given scheduled assignments in several batches, then the calendar starts each on its day, once', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });
    await t.givenUsers(MENTEE, COACH_1);
    for (let i = 0; i < 5; i++)
      await t.createAssignment.execute({
        tenantId: TENANT,
        menteeId: MENTEE,
        coachIds: [COACH_1],
        startDate: '2025-03-12',
      });

    t.clock.set('2025-03-12T00:00:01.000Z');
    expect(await t.followCalendar.execute({ batchSize: 2, noticeDays: 0 })).toEqual({
      started: 5,
      expired: 0,
      announced: 0,
    });
    expect(await t.followCalendar.execute({ batchSize: 2, noticeDays: 0 })).toEqual({
      started: 0,
      expired: 0,
      announced: 0,
    });
    expect(t.assignmentEvents('assignment.started')).toHaveLength(5);
  });

  it('given no confirmation, then deletion is refused; with DELETE it is gone from reads and lists, with one event', async () => {
    const t = buildCoachingTestbed();
    const { id } = await givenAssignment(t);

    expect(await codeOf(t.lifecycle.delete({ tenantId: TENANT, id }, undefined))).toBe(
      'ASSIGNMENT.DELETE_NOT_CONFIRMED',
    );
    await t.lifecycle.delete({ tenantId: TENANT, id }, 'DELETE');

    expect(await codeOf(t.getAssignment.execute({ tenantId: TENANT, id }))).toBe('ASSIGNMENT.NOT_FOUND');
    const listed = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: {},
      page: { limit: 50 },
    });
    expect(listed.items).toEqual([]);
    expect(t.assignmentEvents('assignment.deleted')).toHaveLength(1);
    expect(await codeOf(t.lifecycle.delete({ tenantId: TENANT, id }, 'DELETE'))).toBe('ASSIGNMENT.NOT_FOUND');
  });

  it('given an assignment derived from a group assignment, then none of its lifecycle is changed individually', async () => {
    const t = buildCoachingTestbed();
    const groupAssignment = await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: orderedIds(1)[0],
      roles: ['learner'],
      coachIds: [COACH_1],
    });
    await t.givenMembers(groupAssignment.groupId, [{ userId: MENTEE, roles: ['learner'] }]);
    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: groupAssignment.id });
    const [derived] = (
      await t.listAssignments.execute({
        tenantId: TENANT,
        filter: { menteeId: MENTEE },
        page: { limit: 5 },
      })
    ).items;
    const target = { tenantId: TENANT, id: derived.id };

    for (const change of [
      t.lifecycle.end(target),
      t.lifecycle.setActive(target, false),
      t.lifecycle.editDates(target, { endDate: '2025-12-31' }),
      t.lifecycle.delete(target, 'DELETE'),
    ])
      expect(await codeOf(change)).toBe('ASSIGNMENT.DERIVED');
  });

  it('given a transfer, then the coaches change as of now with one assignment.transferred naming the previous ones; the same coaches, the mentee or an unknown coach are refused', async () => {
    const t = buildCoachingTestbed();
    const { id } = await givenAssignment(t, { startDate: '2025-01-15' });
    const target = { tenantId: TENANT, id };

    expect(await t.lifecycle.transfer(target, [COACH_2])).toMatchObject({
      coachIds: [COACH_2],
      startDate: '2025-01-15',
      version: 2,
    });
    expect(t.assignmentEvents('assignment.transferred')[0].envelope.payload).toMatchObject({
      coachIds: [COACH_2],
      previousCoachIds: [COACH_1, COACH_2],
    });
    expect(t.assignmentEvents('assignment.transferred')[0].envelope.payload).not.toHaveProperty(
      'reshareArtifacts',
    );
    expect(await codeOf(t.lifecycle.transfer(target, [COACH_2]))).toBe('ASSIGNMENT.SAME_COACHES');
    expect(await codeOf(t.lifecycle.transfer(target, [MENTEE]))).toBe('ASSIGNMENT.SELF_COACHING');
    expect(await codeOf(t.lifecycle.transfer(target, [STRANGER]))).toBe('ASSIGNMENT.USERS_NOT_ASSIGNABLE');
    // Another tenant's assignment is not found, whatever the coaches named.
    expect(await codeOf(t.lifecycle.transfer({ tenantId: 'other', id }, [STRANGER]))).toBe(
      'ASSIGNMENT.NOT_FOUND',
    );
    expect((await t.getAssignment.execute(target)).coachIds).toEqual([COACH_2]);
  });

  it('given a transfer with re-share, then its one event asks for the artifacts to follow the new coaches', async () => {
    const t = buildCoachingTestbed();
    const { id } = await givenAssignment(t, { startDate: '2025-01-15' });

    await t.lifecycle.transfer({ tenantId: TENANT, id }, [COACH_2], 'reshare_artifacts');

    expect(t.assignmentEvents('assignment.transferred').map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({
        coachIds: [COACH_2],
        previousCoachIds: [COACH_1, COACH_2],
        reshareArtifacts: true,
      }),
    ]);
  });
});
