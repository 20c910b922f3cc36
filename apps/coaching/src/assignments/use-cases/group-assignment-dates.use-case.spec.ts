import { DomainError } from '@lms/kernel';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [GROUP, COACH, NEW_COACH] = orderedIds(3);
const MEMBERS = orderedIds(5);

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error.code;
}

/** A group assignment of the five members from 2025-03-01, fanned out by chunks of two. */
async function givenFannedOut(t: CoachingTestbed, endDate: string | null = null) {
  await t.givenUsers(COACH, NEW_COACH);
  await t.givenMembers(
    GROUP,
    MEMBERS.map((userId) => ({ userId, roles: ['learner'] })),
  );
  const groupAssignment = await t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId: GROUP,
    roles: ['learner'],
    coachIds: [COACH],
    startDate: '2025-03-01',
    endDate,
  });
  await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: groupAssignment.id });
  return { id: groupAssignment.id, target: { tenantId: TENANT, id: groupAssignment.id } };
}

async function derived(t: CoachingTestbed, groupAssignmentId: string) {
  const page = await t.listAssignments.execute({
    tenantId: TENANT,
    filter: { groupAssignmentId },
    page: { limit: 200 },
  });
  return page.items;
}

describe("a group assignment's dates, expiry and reactivation, its derived assignments following (CO-A4, CO-A8, CO-A11)", () => {
  it('given new dates, then every derived assignment takes them with one assignment.updated each', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    const { id, target } = await givenFannedOut(t);

    const edited = await t.groupLifecycle.editDates(target, {
      startDate: '2025-03-05',
      endDate: '2025-06-30',
    });
    expect(edited).toMatchObject({ status: 'current', startDate: '2025-03-05', endDate: '2025-06-30' });
    expect(await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id })).toEqual({ changed: 5 });
    expect(await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id })).toEqual({ changed: 0 });

    expect((await derived(t, id)).map((a) => [a.status, a.startDate, a.endDate])).toEqual(
      Array(5).fill(['current', '2025-03-05', '2025-06-30']),
    );
    expect(t.assignmentEvents('assignment.updated')).toHaveLength(5);
    expect(
      await codeOf(t.groupLifecycle.editDates(target, { startDate: '2025-07-01', endDate: '2025-06-30' })),
    ).toBe('ASSIGNMENT.DATES_INVALID');
  });

  it('given an end date moved into the past, then it expires at once, every derived assignment expires with it, and nobody joins it any more', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    const { id, target } = await givenFannedOut(t);

    expect(await t.groupLifecycle.editDates(target, { endDate: '2025-03-09' })).toMatchObject({
      status: 'expired',
      endDate: '2025-03-09',
    });
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect((await derived(t, id)).map((a) => [a.status, a.endDate])).toEqual(
      Array(5).fill(['expired', '2025-03-09']),
    );
    expect(t.assignmentEvents('assignment.expired')).toHaveLength(5);
    const [latecomer] = orderedIds(1);
    expect((await t.membershipEvent(GROUP, latecomer)).created).toBe(0);
    expect(await codeOf(t.groupLifecycle.editDates(target, { endDate: '2025-12-31' }))).toBe(
      'GROUP_ASSIGNMENT.EXPIRED',
    );
  });

  it('given an end date that passes, then the calendar expires it once, even swept twice, and its derived assignments follow', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    const { id } = await givenFannedOut(t, '2025-03-20');

    expect(await t.expireGroupAssignments.execute({ batchSize: 10 })).toEqual({ expired: 0 });
    t.clock.set('2025-03-21T00:00:01.000Z');
    expect(await t.expireGroupAssignments.execute({ batchSize: 10 })).toEqual({ expired: 1 });
    expect(await t.expireGroupAssignments.execute({ batchSize: 10 })).toEqual({ expired: 0 });
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect((await derived(t, id)).map((a) => a.status)).toEqual(Array(5).fill('expired'));
  });

  it("given a tenant behind UTC, then the calendar expires its group assignment only once the end date has passed in the tenant's zone", async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    await t.givenTenantTimezone('America/New_York');
    await givenFannedOut(t, '2025-03-20');

    t.clock.set('2025-03-21T02:00:00.000Z');
    expect(await t.expireGroupAssignments.execute({ batchSize: 10 })).toEqual({ expired: 0 });
    t.clock.set('2025-03-21T05:00:00.000Z');
    expect(await t.expireGroupAssignments.execute({ batchSize: 10 })).toEqual({ expired: 1 });
  });

  it('given an expired one reactivated, then it is current from today with no end and every member matching now gets a new assignment; the expired ones stay as history', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    const { id, target } = await givenFannedOut(t, '2025-03-20');
    expect(await codeOf(t.groupLifecycle.reactivate(target, {}))).toBe('GROUP_ASSIGNMENT.NOT_EXPIRED');
    t.clock.set('2025-03-25T09:00:00.000Z');
    await t.expireGroupAssignments.execute({ batchSize: 10 });
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });
    // One member left while it was expired.
    await t.membershipEvent(GROUP, MEMBERS[0], { status: 'removed', roles: [], version: 2 });

    expect(await t.groupLifecycle.reactivate(target, {})).toMatchObject({
      status: 'current',
      startDate: '2025-03-25',
      endDate: null,
      fanOut: { status: 'pending' },
    });
    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: id });

    const all = await derived(t, id);
    expect(all.filter((a) => a.status === 'expired')).toHaveLength(5);
    const current = all.filter((a) => a.status === 'current');
    expect(current.map((a) => a.menteeId).sort()).toEqual(MEMBERS.slice(1).sort());
    expect(current.map((a) => a.startDate)).toEqual(Array(4).fill('2025-03-25'));
  });

  it('given a start in the future, then each member is scheduled until that day, coaches nobody yet, leaves scheduled and starts on the calendar', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    await t.givenUsers(COACH);
    await t.givenMembers(
      GROUP,
      MEMBERS.map((userId) => ({ userId, roles: ['learner'] })),
    );
    const { id } = await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
      startDate: '2025-04-01',
    });
    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect((await derived(t, id)).map((a) => [a.status, a.startDate])).toEqual(
      Array(5).fill(['scheduled', '2025-04-01']),
    );
    const page = { limit: 50 };
    expect((await t.myMentees.execute({ tenantId: TENANT, coachId: COACH, page })).items).toEqual([]);
    // A member who leaves before the start: its scheduled assignment ends; back again, a new one.
    await t.membershipEvent(GROUP, MEMBERS[0], { status: 'removed', roles: [], version: 2 });
    await t.membershipEvent(GROUP, MEMBERS[0], { version: 3 });
    const mine = (await derived(t, id)).filter((a) => a.menteeId === MEMBERS[0]);
    expect(mine.map((a) => a.status).sort()).toEqual(['ended', 'scheduled']);

    t.clock.set('2025-04-01T00:00:01.000Z');
    expect(await t.followCalendar.execute({ batchSize: 2, noticeDays: 0 })).toEqual({
      started: 5,
      expired: 0,
      announced: 0,
    });
    expect((await derived(t, id)).filter((a) => a.status === 'current')).toHaveLength(5);
    expect((await t.myMentees.execute({ tenantId: TENANT, coachId: COACH, page })).items).toHaveLength(5);
  });

  it("given a tenant ahead of UTC, then a member who joins late in the UTC day starts on the tenant's day", async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    await t.givenTenantTimezone('Asia/Tokyo');
    const { id } = await givenFannedOut(t);
    const [latecomer] = orderedIds(1);

    // 23:30 UTC on the 10th is 08:30 on the 11th in Tokyo.
    t.clock.set('2025-03-10T23:30:00.000Z');
    await t.membershipEvent(GROUP, latecomer);

    const joined = (await derived(t, id)).find((a) => a.menteeId === latecomer);
    expect(joined).toMatchObject({ startDate: '2025-03-11', status: 'current' });
  });

  it('given a deactivation and a transfer in quick succession, then one follow makes each derived assignment both, with one event per change', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z', fanOutChunkSize: 2 });
    const { id, target } = await givenFannedOut(t);

    await t.groupLifecycle.setActive(target, false);
    await t.groupLifecycle.transfer(target, [NEW_COACH]);
    expect(await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id })).toEqual({ changed: 5 });

    expect((await derived(t, id)).map((a) => [a.active, a.coachIds, a.version])).toEqual(
      Array(5).fill([false, [NEW_COACH], 3]),
    );
    expect(t.assignmentEvents('assignment.transferred')).toHaveLength(5);
    expect(t.assignmentEvents('assignment.updated')).toHaveLength(5);
  });
});
