import { GroupAssignmentsStream } from '@lms/contracts';
import { buildCoachingTestbed, TENANT } from '../../testing/coaching-testbed';

const GROUP = '0195792b-0000-7000-8000-0000000000aa';
const COACH = '0195792b-0000-7000-8000-0000000000c1';

describe('CreateGroupAssignmentUseCase', () => {
  it('given roles and coaches, when created without dates, then it starts today, is current and its fan-out is pending', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });

    const created = await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
    });

    expect(created).toMatchObject({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
      startDate: '2025-03-10',
      endDate: null,
      status: 'current',
      fanOut: { status: 'pending', processed: 0 },
      createdAt: new Date('2025-03-10T09:00:00.000Z'),
      version: 1,
    });
    expect(await t.getGroupAssignment.execute({ tenantId: TENANT, id: created.id })).toEqual(created);
  });

  it('given a new group assignment, then its created event carries the full state, keyed by tenant and id', async () => {
    const t = buildCoachingTestbed();

    const created = await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner', 'author'],
      coachIds: [COACH],
      startDate: '2024-11-01',
      endDate: '2025-11-01',
    });

    expect(t.groupAssignments.published).toHaveLength(1);
    const [entry] = t.groupAssignments.published;
    expect(entry.topic).toBe(GroupAssignmentsStream.topic);
    expect(entry.key).toBe(`${TENANT}:${created.id}`);
    expect(entry.envelope).toMatchObject({
      type: 'group-assignment.created',
      tenantId: TENANT,
      aggregateId: created.id,
      aggregateVersion: 1,
      producer: 'coaching',
      payload: {
        groupAssignmentId: created.id,
        groupId: GROUP,
        roles: ['learner', 'author'],
        coachIds: [COACH],
        startDate: '2024-11-01',
        endDate: '2025-11-01',
        status: 'current',
      },
    });
  });

  it('given coaches coaching has never heard of, then it is still created (identity owns users)', async () => {
    const t = buildCoachingTestbed();

    await expect(
      t.createGroupAssignment.execute({
        tenantId: TENANT,
        groupId: GROUP,
        roles: ['learner'],
        coachIds: [COACH],
      }),
    ).resolves.toMatchObject({ status: 'current' });
  });

  it('given members in the group, when created, then nobody is assigned yet: the fan-out runs later, from the event', async () => {
    const t = buildCoachingTestbed();
    await t.givenMembers(GROUP, [{ userId: '0195792b-0000-7000-8000-0000000000b1', roles: ['learner'] }]);

    await t.createGroupAssignment.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH],
    });

    expect(
      (await t.listAssignments.execute({ tenantId: TENANT, filter: {}, page: { limit: 50 } })).items,
    ).toEqual([]);
  });

  it('given an end date before the start date, when created, then ASSIGNMENT.DATES_INVALID and nothing is stored', async () => {
    const t = buildCoachingTestbed();

    await expect(
      t.createGroupAssignment.execute({
        tenantId: TENANT,
        groupId: GROUP,
        roles: ['learner'],
        coachIds: [COACH],
        startDate: '2025-05-01',
        endDate: '2025-04-30',
      }),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT.DATES_INVALID', kind: 'invalid' });
    expect(t.groupAssignments.published).toHaveLength(0);
    expect((await t.listGroupAssignments.execute({ tenantId: TENANT, page: { limit: 10 } })).items).toEqual(
      [],
    );
  });

  it('given no start and an end before today, when created, then ASSIGNMENT.DATES_INVALID', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });

    await expect(
      t.createGroupAssignment.execute({
        tenantId: TENANT,
        groupId: GROUP,
        roles: ['learner'],
        coachIds: [COACH],
        endDate: '2025-03-09',
      }),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT.DATES_INVALID' });
  });

  it.each([
    [[], [COACH]],
    [['learner', 'learner'], [COACH]],
    [['learner'], []],
    [['learner'], [COACH, COACH]],
  ])(
    'given roles %p and coaches %p, when created, then GROUP_ASSIGNMENT.INVALID',
    async (roles, coachIds) => {
      const t = buildCoachingTestbed();

      await expect(
        t.createGroupAssignment.execute({
          tenantId: TENANT,
          groupId: GROUP,
          roles: roles as ['learner'],
          coachIds,
        }),
      ).rejects.toMatchObject({ code: 'GROUP_ASSIGNMENT.INVALID' });
    },
  );
});
