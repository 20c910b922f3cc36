import { AssignmentsStream } from '@lms/contracts';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const GROUP = '0195792b-0000-7000-8000-0000000000aa';
const COACH = '0195792b-0000-7000-8000-0000000000c1';
const PAGE = { limit: 200 };

async function givenGroupAssignment(
  t: CoachingTestbed,
  roles: Array<'learner' | 'author'> = ['learner'],
  coachIds = [COACH],
) {
  return t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId: GROUP,
    roles,
    coachIds,
    startDate: '2025-02-01',
  });
}

async function menteesOf(t: CoachingTestbed, groupAssignmentId: string): Promise<string[]> {
  const page = await t.listAssignments.execute({
    tenantId: TENANT,
    filter: { groupAssignmentId },
    page: PAGE,
  });
  return page.items.map((a) => a.menteeId).sort();
}

describe('RunGroupFanOutUseCase', () => {
  it('given members with and without a matching role, when fanned out, then each matching member gets one derived assignment', async () => {
    const t = buildCoachingTestbed();
    const [learner1, learner2, author] = orderedIds(3);
    await t.givenMembers(GROUP, [
      { userId: learner1, roles: ['learner'] },
      { userId: learner2, roles: ['learner', 'reviewer'] },
      { userId: author, roles: ['author'] },
    ]);
    const ga = await givenGroupAssignment(t);

    const outcome = await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(outcome).toEqual({ processed: 2, created: 2, ended: 0 });
    expect(await menteesOf(t, ga.id)).toEqual([learner1, learner2]);
    const [first] = (
      await t.listAssignments.execute({ tenantId: TENANT, filter: { menteeId: learner1 }, page: PAGE })
    ).items;
    expect(first).toMatchObject({
      coachIds: [COACH],
      origin: 'group',
      groupAssignmentId: ga.id,
      groupId: GROUP,
      startDate: '2025-02-01',
      endDate: null,
      status: 'current',
    });
    expect(await t.getGroupAssignment.execute({ tenantId: TENANT, id: ga.id })).toMatchObject({
      fanOut: { status: 'done', processed: 2, cursor: learner2 },
    });
  });

  it('given a fan-out, then each derived assignment has its assignment.created event with full state and origin group', async () => {
    const t = buildCoachingTestbed();
    const [mentee] = orderedIds(1);
    await t.givenMembers(GROUP, [{ userId: mentee, roles: ['learner'] }]);
    const ga = await givenGroupAssignment(t);

    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    const events = t.assignmentEvents('assignment.created');
    expect(events).toHaveLength(1);
    const [assignment] = (await t.listAssignments.execute({ tenantId: TENANT, filter: {}, page: PAGE }))
      .items;
    expect(events[0].topic).toBe(AssignmentsStream.topic);
    expect(events[0].key).toBe(`${TENANT}:${assignment.id}`);
    expect(events[0].envelope).toMatchObject({
      aggregateId: assignment.id,
      aggregateVersion: 1,
      payload: {
        assignmentId: assignment.id,
        menteeId: mentee,
        coachIds: [COACH],
        origin: 'group',
        groupAssignmentId: ga.id,
        groupId: GROUP,
        startDate: '2025-02-01',
        endDate: null,
        status: 'current',
      },
    });
    expect(t.assignments.relayed).toEqual([assignment.id]);
  });

  it('given a member who is also one of the coaches, when fanned out, then that member gets no assignment', async () => {
    const t = buildCoachingTestbed();
    const [coachingMember, learner] = orderedIds(2);
    await t.givenMembers(GROUP, [
      { userId: coachingMember, roles: ['learner'] },
      { userId: learner, roles: ['learner'] },
    ]);
    const ga = await givenGroupAssignment(t, ['learner'], [coachingMember]);

    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(await menteesOf(t, ga.id)).toEqual([learner]);
  });

  it('given more members than a chunk, when fanned out, then every member is done, in chunks, and progress counts them all', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 2 });
    const members = orderedIds(5);
    await t.givenMembers(
      GROUP,
      members.map((userId) => ({ userId, roles: ['learner'] })),
    );
    const ga = await givenGroupAssignment(t);

    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(await menteesOf(t, ga.id)).toEqual(members);
    expect((await t.getGroupAssignment.execute({ tenantId: TENANT, id: ga.id })).fanOut).toMatchObject({
      status: 'done',
      processed: 5,
      cursor: members[4],
    });
  });

  it('given a crash in the middle, when the event is redelivered, then it resumes from the cursor and nobody is assigned twice', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 2 });
    const members = orderedIds(5);
    await t.givenMembers(
      GROUP,
      members.map((userId) => ({ userId, roles: ['learner'] })),
    );
    const ga = await givenGroupAssignment(t);
    let inserts = 0;
    t.assignments.duringNextInsert(async () => {
      inserts++;
      t.assignments.failNextInsert(); // the second chunk's write fails
    });

    await expect(t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id })).rejects.toThrow(
      'simulated crash',
    );
    expect(inserts).toBe(1);
    expect((await t.getGroupAssignment.execute({ tenantId: TENANT, id: ga.id })).fanOut).toMatchObject({
      status: 'running',
      processed: 2,
      cursor: members[1],
    });

    const resumed = await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(resumed).toEqual({ processed: 3, created: 3, ended: 0 });
    expect(await menteesOf(t, ga.id)).toEqual(members);
    expect(
      t
        .assignmentEvents('assignment.created')
        .map((e) => (e.envelope.payload as { menteeId: string }).menteeId)
        .sort(),
    ).toEqual(members);
    expect((await t.getGroupAssignment.execute({ tenantId: TENANT, id: ga.id })).fanOut).toMatchObject({
      status: 'done',
      processed: 5,
    });
  });

  it('given a crash after a chunk was written but before its progress was saved, when redelivered, then the chunk creates nothing twice', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 2 });
    const members = orderedIds(3);
    await t.givenMembers(
      GROUP,
      members.map((userId) => ({ userId, roles: ['learner'] })),
    );
    const ga = await givenGroupAssignment(t);
    t.groupAssignments.failNextProgressSave();

    await expect(t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id })).rejects.toThrow(
      'simulated crash',
    );
    const redelivered = await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(redelivered).toEqual({ processed: 3, created: 1, ended: 0 });
    expect(await menteesOf(t, ga.id)).toEqual(members);
    expect(t.assignmentEvents('assignment.created')).toHaveLength(3);
  });

  it('given a finished fan-out, when the same event comes again, then nothing changes', async () => {
    const t = buildCoachingTestbed();
    await t.givenMembers(
      GROUP,
      orderedIds(3).map((userId) => ({ userId, roles: ['learner'] })),
    );
    const ga = await givenGroupAssignment(t);
    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    const again = await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(again).toEqual({ processed: 0, created: 0, ended: 0 });
    expect(t.assignmentEvents('assignment.created')).toHaveLength(3);
  });

  it('given a member removed while the chunk holding them was being written, then their new assignment is ended right away', async () => {
    const t = buildCoachingTestbed();
    const [stays, leaves] = orderedIds(2);
    await t.givenMembers(GROUP, [
      { userId: stays, roles: ['learner'] },
      { userId: leaves, roles: ['learner'] },
    ]);
    const ga = await givenGroupAssignment(t);
    // The chunk was read with both members; the removal is handled before the chunk is written.
    t.assignments.duringNextInsert(async () => {
      await t.membershipEvent(GROUP, leaves, { status: 'removed', roles: null, version: 2 });
    });

    const outcome = await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(outcome).toEqual({ processed: 2, created: 2, ended: 1 });
    const current = await t.listAssignments.execute({
      tenantId: TENANT,
      filter: { status: 'current' },
      page: PAGE,
    });
    expect(current.items.map((a) => a.menteeId)).toEqual([stays]);
    const [ended] = (
      await t.listAssignments.execute({ tenantId: TENANT, filter: { menteeId: leaves }, page: PAGE })
    ).items;
    expect(ended).toMatchObject({ status: 'ended', endReason: 'membership.removed' });
    expect(t.assignmentEvents('assignment.ended')).toHaveLength(1);
  });

  it('given a member added to the group during the fan-out, then they get exactly one assignment', async () => {
    const t = buildCoachingTestbed();
    const [existing, newcomer] = orderedIds(2);
    await t.givenMembers(GROUP, [{ userId: existing, roles: ['learner'] }]);
    const ga = await givenGroupAssignment(t);
    t.assignments.duringNextInsert(async () => {
      await t.membershipEvent(GROUP, newcomer, { roles: ['learner'], version: 1 });
    });

    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect(await menteesOf(t, ga.id)).toEqual([existing, newcomer].sort());
    expect(t.assignmentEvents('assignment.created')).toHaveLength(2);
  });

  it('given an unknown group assignment or one of another tenant, when fanned out, then nothing happens', async () => {
    const t = buildCoachingTestbed();
    await t.givenMembers(
      GROUP,
      orderedIds(1).map((userId) => ({ userId, roles: ['learner'] })),
    );
    const ga = await givenGroupAssignment(t);

    await expect(
      t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: orderedIds(1)[0] }),
    ).resolves.toEqual({
      processed: 0,
      created: 0,
      ended: 0,
    });
    await expect(
      t.runFanOut.execute({ tenantId: 'someone-else', groupAssignmentId: ga.id }),
    ).resolves.toMatchObject({ created: 0 });
    expect(t.assignmentEvents('assignment.created')).toHaveLength(0);
  });

  it('given a group with no matching member, when fanned out, then it is done with nothing processed', async () => {
    const t = buildCoachingTestbed();
    await t.givenMembers(
      GROUP,
      orderedIds(2).map((userId) => ({ userId, roles: ['author'] })),
    );
    const ga = await givenGroupAssignment(t, ['learner']);

    await t.runFanOut.execute({ tenantId: TENANT, groupAssignmentId: ga.id });

    expect((await t.getGroupAssignment.execute({ tenantId: TENANT, id: ga.id })).fanOut).toMatchObject({
      status: 'done',
      processed: 0,
    });
    expect(await menteesOf(t, ga.id)).toEqual([]);
  });
});
