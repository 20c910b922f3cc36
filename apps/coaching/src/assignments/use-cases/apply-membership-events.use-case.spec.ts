import { EventFactory } from '@lms/messaging';
import type { MembershipChange } from '../../memberships/domain/membership';
import {
  buildCoachingTestbed,
  orderedIds,
  OTHER_TENANT,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';
import { ApplyMembershipEventsUseCase } from './apply-membership-events.use-case';
import { AssignmentWriter } from './assignment-writer';

const GROUP = '0195792b-0000-7000-8000-0000000000aa';
const OTHER_GROUP = '0195792b-0000-7000-8000-0000000000bb';
const QUIET_GROUP = '0195792b-0000-7000-8000-0000000000cc';
const COACH = '0195792b-0000-7000-8000-0000000000c1';
const PAGE = { limit: 200 };

/** The testbed, the batch use case on its repositories, and counts of the batch's reads. */
function given() {
  const t = buildCoachingTestbed();
  const reads = { groupAssignments: 0, derived: 0 };
  const listCurrentByGroups = t.groupAssignments.listCurrentByGroups.bind(t.groupAssignments);
  t.groupAssignments.listCurrentByGroups = (tenantId, groupIds) => {
    reads.groupAssignments++;
    return listCurrentByGroups(tenantId, groupIds);
  };
  const listCurrentDerivedForMany = t.assignments.listCurrentDerivedForMany.bind(t.assignments);
  t.assignments.listCurrentDerivedForMany = (tenantId, groupAssignmentIds, menteeIds) => {
    reads.derived++;
    return listCurrentDerivedForMany(tenantId, groupAssignmentIds, menteeIds);
  };
  const writer = new AssignmentWriter(t.assignments, new EventFactory('coaching'), t.clock);
  const useCase = new ApplyMembershipEventsUseCase(
    t.memberships,
    t.groupAssignments,
    t.assignments,
    writer,
    t.clock,
    t.calendar,
  );
  return { t, reads, useCase };
}

/** A membership event as the consumer hands it over (defaults: added as a learner, version 1, now). */
function change(
  t: CoachingTestbed,
  groupId: string,
  userId: string,
  overrides: Partial<Omit<MembershipChange, 'groupId' | 'userId'>> = {},
): MembershipChange {
  return {
    tenantId: TENANT,
    groupId,
    userId,
    status: 'active',
    roles: ['learner'],
    version: 1,
    occurredAt: t.clock.now(),
    ...overrides,
  };
}

const removal = { status: 'removed' as const, roles: null };

/** A group assignment made on 2025-03-01 whose fan-out already ran. */
async function givenFannedOutGroupAssignment(
  t: CoachingTestbed,
  groupId = GROUP,
  roles: Array<'learner' | 'author'> = ['learner'],
  tenantId = TENANT,
) {
  t.clock.set('2025-03-01T10:00:00.000Z');
  const ga = await t.createGroupAssignment.execute({
    tenantId,
    groupId,
    roles,
    coachIds: [COACH],
    startDate: '2025-02-01',
  });
  await t.runFanOut.execute({ tenantId, groupAssignmentId: ga.id });
  t.clock.set('2025-03-10T09:00:00.000Z');
  return ga;
}

async function assignmentsOf(t: CoachingTestbed, menteeId: string, tenantId = TENANT) {
  return (await t.listAssignments.execute({ tenantId, filter: { menteeId }, page: PAGE })).items;
}

describe('ApplyMembershipEventsUseCase — a batch of membership events (rule 8, CO-A11)', () => {
  it('given several versions of one membership in a batch, then the projection ends at the newest and the assignments follow it', async () => {
    const { t, useCase } = given();
    await givenFannedOutGroupAssignment(t);
    const [joinsAndLeaves, joinsAndChanges] = orderedIds(2);

    const outcome = await useCase.execute([
      change(t, GROUP, joinsAndLeaves, { version: 1 }),
      change(t, GROUP, joinsAndChanges, { version: 1, roles: ['author'] }),
      change(t, GROUP, joinsAndLeaves, { version: 2, ...removal }),
      change(t, GROUP, joinsAndChanges, { version: 2, roles: ['author', 'learner'] }),
    ]);

    expect(outcome).toEqual({
      projection: ['applied', 'applied', 'applied', 'applied'],
      created: 1,
      ended: 0,
    });
    expect(await t.membership(GROUP, joinsAndLeaves)).toMatchObject({
      status: 'removed',
      roles: ['learner'],
      version: 2,
    });
    expect(await assignmentsOf(t, joinsAndLeaves)).toEqual([]);
    expect((await assignmentsOf(t, joinsAndChanges)).map((a) => a.status)).toEqual(['current']);
    expect(t.assignmentEvents('assignment.created')).toHaveLength(1);
  });

  it('given events older than the projection, then they are stale and change nothing', async () => {
    const { t, useCase } = given();
    const [user] = orderedIds(1);
    await t.memberships.applyMany([change(t, GROUP, user, { version: 3, roles: ['author'] })]);
    await givenFannedOutGroupAssignment(t);

    const outcome = await useCase.execute([
      change(t, GROUP, user, { version: 2, roles: ['learner'] }),
      change(t, GROUP, user, { version: 3, roles: ['learner'] }),
    ]);

    expect(outcome).toEqual({ projection: ['stale', 'stale'], created: 0, ended: 0 });
    expect(await t.membership(GROUP, user)).toMatchObject({ roles: ['author'], version: 3 });
    expect(await assignmentsOf(t, user)).toEqual([]);
  });

  it('given a batch across groups with and without group assignments, then only the members of groups that have some are assigned, with one read of each kind', async () => {
    const { t, reads, useCase } = given();
    const learners = await givenFannedOutGroupAssignment(t, GROUP, ['learner']);
    const authors = await givenFannedOutGroupAssignment(t, OTHER_GROUP, ['author']);
    const [a, b, c, d] = orderedIds(4);

    const outcome = await useCase.execute([
      change(t, GROUP, a),
      change(t, QUIET_GROUP, b),
      change(t, OTHER_GROUP, c, { roles: ['author'] }),
      change(t, QUIET_GROUP, d),
      change(t, GROUP, d, { roles: ['author'] }),
    ]);

    expect(outcome.created).toBe(2);
    expect((await assignmentsOf(t, a)).map((x) => x.groupAssignmentId)).toEqual([learners.id]);
    expect((await assignmentsOf(t, c)).map((x) => x.groupAssignmentId)).toEqual([authors.id]);
    expect(await assignmentsOf(t, b)).toEqual([]);
    expect(await assignmentsOf(t, d)).toEqual([]);
    // One read of the group assignments for the tenant; derived assignments read only for the
    // two groups that have group assignments, not for the quiet one.
    expect(reads).toEqual({ groupAssignments: 1, derived: 2 });
  });

  it('given a batch in groups without group assignments, then nothing but the projection is read or written', async () => {
    const { t, reads, useCase } = given();
    const users = orderedIds(3);

    const outcome = await useCase.execute(users.map((userId) => change(t, QUIET_GROUP, userId)));

    expect(outcome).toEqual({ projection: ['applied', 'applied', 'applied'], created: 0, ended: 0 });
    expect(reads).toEqual({ groupAssignments: 1, derived: 0 });
  });

  it('given removals and roles that stop matching, then their derived assignments end with the reason, and a bystander keeps theirs', async () => {
    const { t, useCase } = given();
    const [leaver1, leaver2, changer, bystander] = orderedIds(4);
    await t.givenMembers(
      GROUP,
      [leaver1, leaver2, changer, bystander].map((userId) => ({ userId, roles: ['learner'] })),
    );
    await givenFannedOutGroupAssignment(t);

    const outcome = await useCase.execute([
      change(t, GROUP, leaver1, { version: 2, ...removal }),
      change(t, GROUP, changer, { version: 2, roles: ['author'] }),
      change(t, GROUP, leaver2, { version: 2, ...removal }),
      change(t, GROUP, bystander, { version: 2, roles: ['learner', 'reviewer'] }),
    ]);

    expect(outcome).toMatchObject({ created: 0, ended: 3 });
    expect((await assignmentsOf(t, leaver1))[0]).toMatchObject({
      status: 'ended',
      endReason: 'membership.removed',
    });
    expect((await assignmentsOf(t, leaver2))[0]).toMatchObject({
      status: 'ended',
      endReason: 'membership.removed',
    });
    expect((await assignmentsOf(t, changer))[0]).toMatchObject({
      status: 'ended',
      endReason: 'membership.roles-changed',
    });
    expect((await assignmentsOf(t, bystander))[0]).toMatchObject({ status: 'current', version: 1 });
    expect(t.assignmentEvents('assignment.ended')).toHaveLength(3);
  });

  it('given a crash after the projection was written, when the batch is redelivered, then its assignments are still created', async () => {
    const { t, useCase } = given();
    await givenFannedOutGroupAssignment(t);
    const users = orderedIds(3);
    const batch = users.map((userId) => change(t, GROUP, userId));
    t.assignments.failNextInsert();

    await expect(useCase.execute(batch)).rejects.toThrow('simulated crash');
    const redelivered = await useCase.execute(batch);

    expect(redelivered).toEqual({ projection: ['stale', 'stale', 'stale'], created: 3, ended: 0 });
    for (const userId of users) expect(await assignmentsOf(t, userId)).toHaveLength(1);
  });

  it('given a batch redelivered after it was applied, then nothing is written twice', async () => {
    const { t, useCase } = given();
    await givenFannedOutGroupAssignment(t);
    const [stays, leaves] = orderedIds(2);
    const batch = [
      change(t, GROUP, stays),
      change(t, GROUP, leaves),
      change(t, GROUP, leaves, { version: 2, ...removal }),
    ];
    await useCase.execute(batch);

    const again = await useCase.execute(batch);

    expect(again).toEqual({ projection: ['stale', 'stale', 'stale'], created: 0, ended: 0 });
    expect(t.assignmentEvents('assignment.created')).toHaveLength(1);
    expect(t.assignmentEvents('assignment.ended')).toHaveLength(0);
  });

  it('given a batch of two tenants, then each tenant only sees its own group assignments', async () => {
    const { t, useCase } = given();
    await givenFannedOutGroupAssignment(t, GROUP, ['learner'], OTHER_TENANT);
    const [user] = orderedIds(1);

    const outcome = await useCase.execute([
      change(t, GROUP, user),
      { ...change(t, GROUP, user), tenantId: OTHER_TENANT },
    ]);

    expect(outcome).toEqual({ projection: ['applied', 'applied'], created: 1, ended: 0 });
    expect(await assignmentsOf(t, user)).toEqual([]);
    expect(await assignmentsOf(t, user, OTHER_TENANT)).toHaveLength(1);
  });

  it('given an empty batch, then it does nothing', async () => {
    const { t, reads, useCase } = given();

    expect(await useCase.execute([])).toEqual({ projection: [], created: 0, ended: 0 });
    expect(reads).toEqual({ groupAssignments: 0, derived: 0 });
    expect(t.assignmentEvents('assignment.created')).toEqual([]);
  });
});
