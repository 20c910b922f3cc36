import {
  buildCoachingTestbed,
  orderedIds,
  OTHER_TENANT,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const GROUP = '0195792b-0000-7000-8000-0000000000aa';
const COACH_A = '0195792b-0000-7000-8000-0000000000c1';
const COACH_B = '0195792b-0000-7000-8000-0000000000c2';

async function givenTwoGroupAssignments(t: CoachingTestbed) {
  const members = orderedIds(3);
  await t.givenMembers(
    GROUP,
    members.map((userId) => ({ userId, roles: ['learner'] })),
  );
  const a = await t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId: GROUP,
    roles: ['learner'],
    coachIds: [COACH_A],
  });
  t.clock.advance(1_000);
  const b = await t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId: GROUP,
    roles: ['learner'],
    coachIds: [COACH_B],
  });
  await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: a.id });
  await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: b.id });
  return { members, a, b };
}

describe('reading assignments', () => {
  it('given assignments, when listed by coach, then only that coach’s come back, a page at a time', async () => {
    const t = buildCoachingTestbed();
    const { a } = await givenTwoGroupAssignments(t);

    const page = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: { coachId: COACH_A },
      page: { limit: 2 },
    });
    const last = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: { coachId: COACH_A },
      page: { limit: 2, cursor: page.nextCursor ?? undefined },
    });

    expect(page).toMatchObject({ limit: 2, nextCursor: expect.any(String) });
    expect(page.items).toHaveLength(2);
    expect(last).toMatchObject({ limit: 2, nextCursor: null });
    expect(last.items).toHaveLength(1);
    expect([...page.items, ...last.items].every((x) => x.groupAssignmentId === a.id)).toBe(true);
  });

  it('given assignments, when listed by mentee and status, then the filters combine', async () => {
    const t = buildCoachingTestbed();
    const { members } = await givenTwoGroupAssignments(t);
    await t.membershipEvent(GROUP, members[0], { status: 'removed', roles: null, version: 2 });

    const ended = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: { menteeId: members[0], status: 'ended' },
      page: { limit: 10 },
    });
    const current = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: { status: 'current' },
      page: { limit: 10 },
    });

    expect(ended.items).toHaveLength(2);
    expect(current.items).toHaveLength(4);
    expect(current.nextCursor).toBeNull();
  });

  it('given another tenant, then it sees none of them, and reading one by id is ASSIGNMENT.NOT_FOUND', async () => {
    const t = buildCoachingTestbed();
    await givenTwoGroupAssignments(t);
    const [one] = (await t.listAssignments.execute({ tenantId: TENANT, filter: {}, page: { limit: 1 } }))
      .items;

    expect(
      (
        await t.listAssignments.execute({
          tenantId: OTHER_TENANT,
          filter: {},
          page: { limit: 10 },
        })
      ).items,
    ).toEqual([]);
    await expect(t.getAssignment.execute({ tenantId: OTHER_TENANT, id: one.id })).rejects.toMatchObject({
      code: 'ASSIGNMENT.NOT_FOUND',
      kind: 'not_found',
    });
    await expect(t.getAssignment.execute({ tenantId: TENANT, id: one.id })).resolves.toEqual(one);
  });

  it('given group assignments, when listed by group, then newest first; another tenant gets GROUP_ASSIGNMENT.NOT_FOUND', async () => {
    const t = buildCoachingTestbed();
    const { a, b } = await givenTwoGroupAssignments(t);

    const page = await t.listGroupAssignments.execute({
      tenantId: TENANT,
      groupId: GROUP,
      page: { limit: 10 },
    });

    expect(page.items.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(page.items[0].fanOut).toMatchObject({ status: 'done', processed: 3 });
    expect(
      (
        await t.listGroupAssignments.execute({
          tenantId: TENANT,
          groupId: orderedIds(1)[0],
          page: { limit: 10 },
        })
      ).items,
    ).toEqual([]);
    await expect(t.getGroupAssignment.execute({ tenantId: OTHER_TENANT, id: a.id })).rejects.toMatchObject({
      code: 'GROUP_ASSIGNMENT.NOT_FOUND',
    });
  });
});
