import { DomainError } from '@lms/kernel';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [GROUP, COACH] = orderedIds(2);
const MEMBERS = orderedIds(7);

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error.code;
}

/** A group assignment fanned out to the seven members, by chunks of three. */
async function givenFannedOut(t: CoachingTestbed) {
  await t.givenMembers(
    GROUP,
    MEMBERS.map((userId) => ({ userId, roles: ['learner'] })),
  );
  const groupAssignment = await t.createGroupAssignment.execute({
    tenantId: TENANT,
    groupId: GROUP,
    roles: ['learner'],
    coachIds: [COACH],
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

describe('a group assignment through its life, its derived assignments following (CO-A5, CO-A6, CO-A9, CO-A11)', () => {
  it('given a deactivation, then every derived assignment is deactivated in chunks, once each, and a later member joins deactivated', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);

    const deactivated = await t.groupLifecycle.setActive(target, false);
    expect(deactivated).toMatchObject({
      active: false,
      version: 2,
      follow: { status: 'pending', version: 2 },
    });
    expect(await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id })).toEqual({ changed: 7 });
    expect(await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id })).toEqual({ changed: 0 });

    expect((await derived(t, id)).map((a) => a.active)).toEqual(Array(7).fill(false));
    expect(t.assignmentEvents('assignment.updated')).toHaveLength(7);
    expect(await t.getGroupAssignment.execute(target)).toMatchObject({
      follow: { status: 'done', processed: 7 },
    });

    const [latecomer] = orderedIds(1);
    await t.membershipEvent(GROUP, latecomer);
    const [joined] = await t.listAssignments
      .execute({
        tenantId: TENANT,
        filter: { menteeId: latecomer },
        page: { limit: 5 },
      })
      .then((page) => page.items);
    expect(joined).toMatchObject({ groupAssignmentId: id, active: false });
  });

  it('given a new change in the middle of a follow, then the follow starts over and ends where the last change says', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);

    await t.groupLifecycle.setActive(target, false);
    expect(await t.follow.runChunk({ tenantId: TENANT, groupAssignmentId: id })).toMatchObject({
      changed: 3,
      more: true,
    });
    await t.groupLifecycle.setActive(target, true);
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect((await derived(t, id)).map((a) => a.active)).toEqual(Array(7).fill(true));
    expect(await t.getGroupAssignment.execute(target)).toMatchObject({
      active: true,
      follow: { status: 'done', version: 3 },
    });
  });

  it('given an end, then every derived assignment ends with it, the group assignment refuses further changes, and nobody new is assigned', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);

    expect(await t.groupLifecycle.end(target)).toMatchObject({ status: 'ended' });
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    const ended = await derived(t, id);
    expect(ended.map((a) => [a.status, a.endReason])).toEqual(
      Array(7).fill(['ended', 'group-assignment.ended']),
    );
    expect(await codeOf(t.groupLifecycle.end(target))).toBe('GROUP_ASSIGNMENT.ALREADY_ENDED');
    expect(await codeOf(t.groupLifecycle.setActive(target, false))).toBe('GROUP_ASSIGNMENT.ALREADY_ENDED');
    expect(await t.membershipEvent(GROUP, orderedIds(1)[0])).toMatchObject({ created: 0 });
  });

  it('given a deletion without the word, then it is refused; with it the group assignment and all it gave are gone', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);

    expect(await codeOf(t.groupLifecycle.delete(target, 'delete'))).toBe(
      'GROUP_ASSIGNMENT.DELETE_NOT_CONFIRMED',
    );
    await t.groupLifecycle.delete(target, 'DELETE');
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect(await derived(t, id)).toEqual([]);
    expect(t.assignmentEvents('assignment.deleted')).toHaveLength(7);
    expect(await codeOf(t.getGroupAssignment.execute(target))).toBe('GROUP_ASSIGNMENT.NOT_FOUND');
    expect(await codeOf(t.groupLifecycle.end(target))).toBe('GROUP_ASSIGNMENT.NOT_FOUND');
    expect(await t.membershipEvent(GROUP, orderedIds(1)[0])).toMatchObject({ created: 0 });
  });

  it('given a derived assignment changed by someone else between the read and the write, then the chunk is decided again on fresh state and the member who left stays ended as it left', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 10 });
    const { id, target } = await givenFannedOut(t);
    await t.groupLifecycle.setActive(target, false);
    // A member leaves just before the follow writes: its derived assignment ends on its own.
    t.assignments.duringNextSave(async () => {
      await t.membershipEvent(GROUP, MEMBERS[2], { status: 'removed', version: 2 });
    });

    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    const all = await derived(t, id);
    const left = all.find((a) => a.menteeId === MEMBERS[2]);
    expect(left).toMatchObject({ status: 'ended', endReason: 'membership.removed', active: true });
    const stayed = all.filter((a) => a.menteeId !== MEMBERS[2]);
    expect(stayed.map((a) => [a.status, a.active])).toEqual(Array(6).fill(['current', false]));
    expect(t.assignmentEvents('assignment.updated')).toHaveLength(6);
  });

  it('given a transfer with re-share, then every derived assignment is transferred with an event asking its artifacts to be re-shared', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);
    const [newCoach] = orderedIds(1);
    await t.givenUsers(newCoach);

    await t.groupLifecycle.transfer(target, [newCoach], 'reshare_artifacts');
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect(t.assignmentEvents('assignment.transferred').map((e) => e.envelope.payload)).toEqual(
      Array(7).fill(
        expect.objectContaining({ coachIds: [newCoach], previousCoachIds: [COACH], reshareArtifacts: true }),
      ),
    );
  });

  it('given a transfer to other coaches, then every derived assignment takes them with assignment.transferred, and a later member joins with them', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 3 });
    const { id, target } = await givenFannedOut(t);
    const [newCoach] = orderedIds(1);
    await t.givenUsers(newCoach, COACH);

    expect(await codeOf(t.groupLifecycle.transfer(target, [COACH]))).toBe('GROUP_ASSIGNMENT.SAME_COACHES');
    expect(await t.groupLifecycle.transfer(target, [newCoach])).toMatchObject({ coachIds: [newCoach] });
    await t.follow.execute({ tenantId: TENANT, groupAssignmentId: id });

    expect((await derived(t, id)).map((a) => a.coachIds)).toEqual(Array(7).fill([newCoach]));
    expect(t.assignmentEvents('assignment.transferred').map((e) => e.envelope.payload)).toEqual(
      Array(7).fill(expect.objectContaining({ coachIds: [newCoach], previousCoachIds: [COACH] })),
    );
    expect(t.assignmentEvents('assignment.transferred').map((e) => e.envelope.payload)).not.toContainEqual(
      expect.objectContaining({ reshareArtifacts: expect.anything() }),
    );
    const [latecomer] = orderedIds(1);
    await t.membershipEvent(GROUP, latecomer);
    const joined = (await derived(t, id)).find((a) => a.menteeId === latecomer);
    expect(joined?.coachIds).toEqual([newCoach]);
  });
});
