import { DomainError } from '@lms/kernel';
import {
  buildCoachingTestbed,
  orderedIds,
  TENANT,
  type CoachingTestbed,
} from '../../testing/coaching-testbed';

const [GROUP, COACH_1, COACH_2] = orderedIds(3);

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a domain error, got ${String(error)}`);
  return error.code;
}

/** Learners of the group known to coaching, the two coaches too. */
async function givenLearners(t: CoachingTestbed, count: number): Promise<string[]> {
  const learners = orderedIds(count);
  await t.givenUsers(COACH_1, COACH_2, ...learners);
  await t.givenMembers(
    GROUP,
    learners.map((userId) => ({ userId, roles: ['learner'] })),
  );
  return learners;
}

function start(t: CoachingTestbed, menteeIds: string[], coachIds = [COACH_1, COACH_2]) {
  return t.startBulk.execute({ tenantId: TENANT, groupId: GROUP, roles: ['learner'], coachIds, menteeIds });
}

describe('bulk assignment (CO-A3)', () => {
  it('given chosen members, then it is accepted running with a job, and the job creates one assignment each, in chunks', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 4 });
    const learners = await givenLearners(t, 10);

    const bulk = await start(t, [...learners, learners[0]]);
    expect(bulk).toMatchObject({ state: 'running', results: [], menteeIds: learners });
    expect(t.jobs.enqueued).toEqual([expect.objectContaining({ kind: 'assignment.bulk', key: bulk.id })]);

    expect(await t.runBulk.runChunk({ tenantId: TENANT, bulkAssignmentId: bulk.id })).toEqual({ more: true });
    expect((await t.getBulk.execute({ tenantId: TENANT, id: bulk.id })).results).toHaveLength(4);
    await t.runBulk.execute({ tenantId: TENANT, bulkAssignmentId: bulk.id });

    const done = await t.getBulk.execute({ tenantId: TENANT, id: bulk.id });
    expect(done.state).toBe('finished');
    expect(done.results.map((r) => [r.menteeId, r.outcome])).toEqual(learners.map((id) => [id, 'created']));
    expect(t.assignmentEvents('assignment.created')).toHaveLength(10);
    const [one] = (
      await t.listAssignments.execute({
        tenantId: TENANT,
        filter: { menteeId: learners[3] },
        page: { limit: 5 },
      })
    ).items;
    expect(one).toMatchObject({
      origin: 'individual',
      coachIds: [COACH_1, COACH_2],
      groupId: GROUP,
      status: 'current',
    });
  });

  it('given a chunk run again after a crash before its progress was saved, then nothing is created twice and its results say created', async () => {
    const t = buildCoachingTestbed({ fanOutChunkSize: 5 });
    const learners = await givenLearners(t, 5);
    const bulk = await start(t, learners);
    // The crash: the chunk's assignments are written, its results are not.
    const update = t.bulks.update.bind(t.bulks);
    t.bulks.update = async () => {
      t.bulks.update = update;
      throw new Error('crash before the progress was saved');
    };

    await expect(t.runBulk.runChunk({ tenantId: TENANT, bulkAssignmentId: bulk.id })).rejects.toThrow(
      'crash',
    );
    await t.runBulk.execute({ tenantId: TENANT, bulkAssignmentId: bulk.id });

    const done = await t.getBulk.execute({ tenantId: TENANT, id: bulk.id });
    expect(done.results.map((r) => r.outcome)).toEqual(Array(5).fill('created'));
    expect(t.assignmentEvents('assignment.created')).toHaveLength(5);
  });

  it('answers per mentee what kept it from being assigned', async () => {
    const t = buildCoachingTestbed();
    const [already, outsider, authorOnly, deactivated, fine] = await givenLearners(t, 5);
    await t.membershipEvent(GROUP, authorOnly, { roles: ['author'], version: 2 });
    await t.applyUserEvents.execute([t.userChange(deactivated, 2, { state: 'deactivated' })]);
    await t.createAssignment.execute({ tenantId: TENANT, menteeId: already, coachIds: [COACH_2, COACH_1] });
    const stranger = orderedIds(1)[0];
    await t.givenUsers(stranger);
    await t.givenMembers(orderedIds(1)[0], [{ userId: outsider, roles: ['learner'] }]);

    const bulk = await start(t, [already, stranger, authorOnly, deactivated, COACH_1, fine]);
    await t.runBulk.execute({ tenantId: TENANT, bulkAssignmentId: bulk.id });

    const { results } = await t.getBulk.execute({ tenantId: TENANT, id: bulk.id });
    expect(results.map(({ outcome, reason }) => (reason ? `${outcome}:${reason}` : outcome))).toEqual([
      'already_assigned',
      'not_a_member',
      'not_a_member',
      'unassignable:deactivated',
      'self',
      'created',
    ]);
  });

  it('refuses at once a coach coaching does not know, writing nothing and starting no job', async () => {
    const t = buildCoachingTestbed();
    const learners = await givenLearners(t, 2);
    const stranger = orderedIds(1)[0];

    expect(await codeOf(start(t, learners, [COACH_1, stranger]))).toBe('ASSIGNMENT.USERS_NOT_ASSIGNABLE');
    expect(t.jobs.enqueued).toEqual([]);
  });

  it('sorts the group members with one of the roles into those who have the coaches and those who do not', async () => {
    const t = buildCoachingTestbed();
    const [a, b, c] = await givenLearners(t, 3);
    await t.givenMembers(GROUP, [{ userId: COACH_1, roles: ['learner'] }]);
    await t.createAssignment.execute({ tenantId: TENANT, menteeId: b, coachIds: [COACH_1, COACH_2] });
    await t.createAssignment.execute({ tenantId: TENANT, menteeId: c, coachIds: [COACH_1] });

    const bins = await t.bulkCandidates.execute({
      tenantId: TENANT,
      groupId: GROUP,
      roles: ['learner'],
      coachIds: [COACH_1, COACH_2],
    });

    expect(bins).toEqual({ assigned: [b], unassigned: [a, c].sort() });
  });
});
