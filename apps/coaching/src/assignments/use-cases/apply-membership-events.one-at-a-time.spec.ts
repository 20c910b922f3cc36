import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const GROUP = '0195792b-0000-7000-8000-0000000000aa';
const OTHER_GROUP = '0195792b-0000-7000-8000-0000000000bb';
const COACH = '0195792b-0000-7000-8000-0000000000c1';
const PAGE = { limit: 200 };

/** A group assignment made on 2025-03-01 whose fan-out already ran. */
async function givenFannedOutGroupAssignment(
  t: CoachingTestbed,
  roles: Array<'learner' | 'author'> = ['learner'],
  groupId = GROUP,
) {
  t.clock.set('2025-03-01T10:00:00.000Z');
  const ga = await t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId,
    roles,
    coachIds: [COACH],
    startDate: '2025-02-01',
  });
  await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });
  t.clock.set('2025-03-10T09:00:00.000Z');
  return ga;
}

async function assignmentsOf(t: CoachingTestbed, menteeId: string) {
  return (await t.listAssignments.execute({ tenantId: TENANT, filter: { menteeId }, page: PAGE })).items;
}

describe('ApplyMembershipEventsUseCase, one event at a time — the projection', () => {
  it('given a membership.added, then the member is projected with its roles and version', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);

    const outcome = await t.membershipEvent(GROUP, user, { roles: ['learner', 'author'], version: 1 });

    expect(outcome).toMatchObject({ projection: 'applied' });
    expect(await t.membership(GROUP, user)).toMatchObject({
      roles: ['learner', 'author'],
      status: 'active',
      version: 1,
    });
  });

  it('given an event older than what was applied, then it is ignored', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.membershipEvent(GROUP, user, { roles: ['author'], version: 3 });

    const outcome = await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 2 });

    expect(outcome).toMatchObject({ projection: 'stale' });
    expect(await t.membership(GROUP, user)).toMatchObject({ roles: ['author'], version: 3 });
  });

  it('given a removal, then the member is projected as removed, keeping its last roles', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });

    expect(await t.membership(GROUP, user)).toMatchObject({
      status: 'removed',
      roles: ['learner'],
      version: 2,
    });
  });
});

describe('ApplyMembershipEventsUseCase, one event at a time — membership events drive assignments (CO-A11)', () => {
  it('given a current group assignment, when a member with a matching role is added, then they get one derived assignment from the day they joined', async () => {
    const t = buildCoachingTestbed();
    const ga = await givenFannedOutGroupAssignment(t);
    const [user] = orderedIds(1);

    const outcome = await t.membershipEvent(GROUP, user, {
      roles: ['learner'],
      version: 1,
      occurredAt: new Date('2025-03-09T16:00:00.000Z'),
    });

    expect(outcome).toEqual({ projection: 'applied', created: 1, ended: 0 });
    const [assignment] = await assignmentsOf(t, user);
    expect(assignment).toMatchObject({
      origin: 'group',
      groupAssignmentId: ga.id,
      groupId: GROUP,
      coachIds: [COACH],
      startDate: '2025-03-09',
      status: 'current',
    });
    expect(t.assignmentEvents('assignment.created')).toHaveLength(1);
  });

  it('given the same membership.added twice, then there is still one assignment and one event', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t);
    const [user] = orderedIds(1);

    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });
    const again = await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    expect(again).toEqual({ projection: 'stale', created: 0, ended: 0 });
    expect(await assignmentsOf(t, user)).toHaveLength(1);
    expect(t.assignmentEvents('assignment.created')).toHaveLength(1);
  });

  it('given a member added with no matching role, then nothing is assigned', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t, ['learner']);
    const [user] = orderedIds(1);

    await t.membershipEvent(GROUP, user, { roles: ['author'], version: 1 });

    expect(await assignmentsOf(t, user)).toEqual([]);
  });

  it('given a group assignment of another group, when a member is added, then nothing is assigned', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t, ['learner'], OTHER_GROUP);
    const [user] = orderedIds(1);

    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    expect(await assignmentsOf(t, user)).toEqual([]);
  });

  it('given two matching group assignments, when a member is added, then one assignment from each', async () => {
    const t = buildCoachingTestbed();
    const a = await givenFannedOutGroupAssignment(t, ['learner']);
    const b = await givenFannedOutGroupAssignment(t, ['learner', 'author']);
    const [user] = orderedIds(1);

    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    expect((await assignmentsOf(t, user)).map((x) => x.groupAssignmentId).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it('given a derived assignment, when the member is removed, then it ends with its reason and an assignment.ended event', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: user, roles: ['learner'] }]);
    await givenFannedOutGroupAssignment(t);

    const outcome = await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });

    expect(outcome).toEqual({ projection: 'applied', created: 0, ended: 1 });
    const [assignment] = await assignmentsOf(t, user);
    expect(assignment).toMatchObject({
      status: 'ended',
      endedAt: new Date('2025-03-10T09:00:00.000Z'),
      endReason: 'membership.removed',
      startDate: '2025-02-01',
      version: 2,
    });
    const ended = t.assignmentEvents('assignment.ended');
    expect(ended).toHaveLength(1);
    expect(ended[0].envelope).toMatchObject({
      aggregateId: assignment.id,
      aggregateVersion: 2,
      payload: {
        assignmentId: assignment.id,
        status: 'ended',
        endedAt: '2025-03-10T09:00:00.000Z',
        reason: 'membership.removed',
        origin: 'group',
      },
    });
  });

  it('given a removal already handled, when it is redelivered, then nothing more ends and no event is repeated', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: user, roles: ['learner'] }]);
    await givenFannedOutGroupAssignment(t);
    await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });

    const again = await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });

    expect(again).toEqual({ projection: 'stale', created: 0, ended: 0 });
    expect(t.assignmentEvents('assignment.ended')).toHaveLength(1);
  });

  it('given a removal, when the older membership.added is redelivered, then it is ignored and nothing is re-created', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t);
    const [user] = orderedIds(1);
    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });
    await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });

    await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    expect((await assignmentsOf(t, user)).map((a) => a.status)).toEqual(['ended']);
  });

  it('given roles that no longer match, then the assignment ends; newly matching roles get a new one', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: user, roles: ['learner'] }]);
    const learners = await givenFannedOutGroupAssignment(t, ['learner']);
    const authors = await givenFannedOutGroupAssignment(t, ['author']);

    const outcome = await t.membershipEvent(GROUP, user, { roles: ['author'], version: 2 });

    expect(outcome).toEqual({ projection: 'applied', created: 1, ended: 1 });
    const byGroupAssignment = Object.fromEntries(
      (await assignmentsOf(t, user)).map((a) => [a.groupAssignmentId, a]),
    );
    expect(byGroupAssignment[learners.id]).toMatchObject({
      status: 'ended',
      endReason: 'membership.roles-changed',
    });
    expect(byGroupAssignment[authors.id]).toMatchObject({ status: 'current', startDate: '2025-03-10' });
  });

  it('given roles that change but still match, then the assignment stays as it is', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: user, roles: ['learner'] }]);
    await givenFannedOutGroupAssignment(t, ['learner']);

    const outcome = await t.membershipEvent(GROUP, user, { roles: ['learner', 'reviewer'], version: 2 });

    expect(outcome).toEqual({ projection: 'applied', created: 0, ended: 0 });
    expect((await assignmentsOf(t, user)).map((a) => [a.status, a.version])).toEqual([['current', 1]]);
  });

  it('given a removed member who comes back, then a new assignment starts and the ended one stays as history', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: user, roles: ['learner'] }]);
    await givenFannedOutGroupAssignment(t);
    await t.membershipEvent(GROUP, user, { status: 'removed', roles: null, version: 2 });
    t.clock.set('2025-04-02T09:00:00.000Z');

    await t.membershipEvent(GROUP, user, {
      roles: ['learner'],
      version: 3,
      occurredAt: new Date('2025-04-02T08:00:00.000Z'),
    });

    const statuses = (await assignmentsOf(t, user)).map((a) => [a.status, a.startDate]).sort();
    expect(statuses).toEqual([
      ['current', '2025-04-02'],
      ['ended', '2025-02-01'],
    ]);
  });

  it('given a member who is one of the coaches, when added, then they get no assignment', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t);

    await t.membershipEvent(GROUP, COACH, { roles: ['learner'], version: 1 });

    expect(await assignmentsOf(t, COACH)).toEqual([]);
  });

  it('given a crash after the projection was written, when the event is redelivered, then the assignment is still created', async () => {
    const t = buildCoachingTestbed();
    await givenFannedOutGroupAssignment(t);
    const [user] = orderedIds(1);
    t.assignments.failNextInsert();

    await expect(t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 })).rejects.toThrow(
      'simulated crash',
    );
    const redelivered = await t.membershipEvent(GROUP, user, { roles: ['learner'], version: 1 });

    expect(redelivered).toEqual({ projection: 'stale', created: 1, ended: 0 });
    expect(await assignmentsOf(t, user)).toHaveLength(1);
  });

  it('given a member who joined before the group assignment existed, then its fan-out picks them up from the projection', async () => {
    const t = buildCoachingTestbed();
    const [user] = orderedIds(1);
    await t.membershipEvent(GROUP, user, {
      roles: ['learner'],
      version: 1,
      occurredAt: new Date('2025-02-20T00:00:00.000Z'),
    });

    const ga = await givenFannedOutGroupAssignment(t);

    expect((await assignmentsOf(t, user)).map((a) => [a.groupAssignmentId, a.startDate])).toEqual([
      [ga.id, '2025-02-01'],
    ]);
  });
});
