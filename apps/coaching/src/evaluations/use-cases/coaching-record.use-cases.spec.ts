import { newId } from '@lms/kernel';
import { OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import { anActor, buildEvaluationsTestbed, type EvaluationsTestbed } from '../../testing/evaluations-testbed';
import type { EvaluationContent } from '../domain/coaching-record';
import type { RecordActor } from '../domain/record-access';
import { NoManagedUsers } from '../infra/no-managed-users';

const PAGE = { limit: 50 };
const CLOSING: EvaluationContent = { skill: '  Closing  ', score: 4, comment: null };

const administrator = anActor(newId(), { roles: ['application_admin'] });

async function given(bed: EvaluationsTestbed) {
  const assignment = await bed.givenAssignment();
  const [coachId] = assignment.coachIds;
  return {
    assignment,
    coach: anActor(coachId),
    mentee: anActor(assignment.menteeId),
    menteeId: assignment.menteeId,
  };
}

function evaluate(bed: EvaluationsTestbed, actor: RecordActor, menteeId: string, content = CLOSING) {
  return bed.createRecord.execute({ tenantId: TENANT, kind: 'evaluation', actor, menteeId, content });
}

describe('evaluations and coaching sessions (CO-W3)', () => {
  describe('creating', () => {
    it('given a coach of a current, active assignment, when it evaluates its mentee, then the evaluation is kept trimmed under its name, and the mentee reads it', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, mentee, menteeId } = await given(bed);

      const evaluation = await evaluate(bed, coach, menteeId);

      expect(evaluation).toEqual({
        id: expect.any(String),
        tenantId: TENANT,
        kind: 'evaluation',
        menteeId,
        authorId: coach.userId,
        content: { skill: 'Closing', score: 4, comment: null },
        createdAt: new Date('2025-03-10T09:00:00.000Z'),
        updatedAt: new Date('2025-03-10T09:00:00.000Z'),
        version: 1,
      });
      const read = await bed.getRecord.execute({
        tenantId: TENANT,
        kind: 'evaluation',
        id: evaluation.id,
        actor: mentee,
      });
      expect(read).toEqual(evaluation);
    });

    it('given a coach, when it records a coaching session, then the session is kept with its day, notes and outcome', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);

      const session = await bed.createRecord.execute({
        tenantId: TENANT,
        kind: 'coaching_session',
        actor: coach,
        menteeId,
        content: { date: '2025-03-14', notes: ' Two recorded calls ', outcome: null },
      });

      expect(session).toMatchObject({
        kind: 'coaching_session',
        menteeId,
        authorId: coach.userId,
        content: { date: '2025-03-14', notes: 'Two recorded calls', outcome: null },
        version: 1,
      });
    });

    it.each([
      ['ended', { status: 'ended' as const }],
      ['expired', { status: 'expired' as const }],
      ['scheduled', { status: 'scheduled' as const }],
      ['deactivated', { active: false }],
    ])(
      'given the coach of an %s assignment only, then it may not write about the mentee',
      async (_case, overrides) => {
        const bed = buildEvaluationsTestbed();
        const assignment = await bed.givenAssignment(overrides);

        await expect(
          evaluate(bed, anActor(assignment.coachIds[0]), assignment.menteeId),
        ).rejects.toMatchObject({
          code: 'EVALUATION.FORBIDDEN',
          kind: 'forbidden',
        });
        expect(
          (
            await bed.listRecords.execute({
              tenantId: TENANT,
              kind: 'evaluation',
              actor: administrator,
              filter: {},
              page: PAGE,
            })
          ).items,
        ).toEqual([]);
      },
    );

    it('given a stranger, the mentee itself, a power user or a caller without an account, then writing is forbidden and nothing is written', async () => {
      const bed = buildEvaluationsTestbed();
      const { mentee, menteeId } = await given(bed);

      for (const actor of [
        anActor(newId()),
        mentee,
        anActor(newId(), { level: 'power_user' }),
        anActor(null),
      ]) {
        await expect(evaluate(bed, actor, menteeId)).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
        await expect(
          bed.createRecord.execute({
            tenantId: TENANT,
            kind: 'coaching_session',
            actor,
            menteeId,
            content: { date: '2025-03-14', notes: 'n', outcome: null },
          }),
        ).rejects.toMatchObject({ code: 'COACHING_SESSION.FORBIDDEN', kind: 'forbidden' });
      }
      expect(
        (
          await bed.listRecords.execute({
            tenantId: TENANT,
            kind: 'evaluation',
            actor: administrator,
            filter: {},
            page: PAGE,
          })
        ).items,
      ).toEqual([]);
    });

    it('given an Application Administrator or a superadmin, then it is refused with its own code', async () => {
      const bed = buildEvaluationsTestbed();
      const { menteeId } = await given(bed);

      for (const actor of [administrator, anActor(newId(), { level: 'superadmin' })]) {
        await expect(evaluate(bed, actor, menteeId)).rejects.toMatchObject({
          code: 'EVALUATION.ADMINISTRATOR_READ_ONLY',
          kind: 'forbidden',
        });
        await expect(
          bed.createRecord.execute({
            tenantId: TENANT,
            kind: 'coaching_session',
            actor,
            menteeId,
            content: { date: '2025-03-14', notes: 'n', outcome: null },
          }),
        ).rejects.toMatchObject({ code: 'COACHING_SESSION.ADMINISTRATOR_READ_ONLY' });
      }
    });

    it('given an administrator who also coaches the mentee now, then it is refused all the same', async () => {
      const bed = buildEvaluationsTestbed();
      const coachingAdmin = anActor(newId(), { roles: ['application_admin'] });
      const assignment = await bed.givenAssignment({ coachIds: [coachingAdmin.userId as string] });

      await expect(evaluate(bed, coachingAdmin, assignment.menteeId)).rejects.toMatchObject({
        code: 'EVALUATION.ADMINISTRATOR_READ_ONLY',
      });
    });

    it('given a manager of the user, then it writes about it; while nobody manages anyone, nobody is a manager', async () => {
      const bed = buildEvaluationsTestbed();
      const [manager, userId] = [anActor(newId()), newId()];

      await expect(evaluate(bed, manager, userId)).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
      bed.managedUsers.manage(manager.userId as string, userId);
      await expect(evaluate(bed, manager, userId)).resolves.toMatchObject({ menteeId: userId });
      expect(await new NoManagedUsers().manages(TENANT, manager.userId as string, userId)).toBe(false);
    });

    it('given content breaking the rules, then it is refused as invalid and nothing is written', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);

      await expect(
        evaluate(bed, coach, menteeId, { skill: 'Closing', score: 9, comment: null }),
      ).rejects.toMatchObject({
        code: 'EVALUATION.INVALID',
        kind: 'invalid',
      });
      await expect(
        bed.createRecord.execute({
          tenantId: TENANT,
          kind: 'coaching_session',
          actor: coach,
          menteeId,
          content: { date: '2025-02-30', notes: 'n', outcome: null },
        }),
      ).rejects.toMatchObject({ code: 'COACHING_SESSION.INVALID' });
      expect(
        (
          await bed.listRecords.execute({
            tenantId: TENANT,
            kind: 'evaluation',
            actor: coach,
            filter: {},
            page: PAGE,
          })
        ).items,
      ).toEqual([]);
    });
  });

  describe('reading', () => {
    it('given evaluations of two mentees, then each mentee reads and lists only those about itself', async () => {
      const bed = buildEvaluationsTestbed();
      const first = await given(bed);
      const second = await given(bed);
      const aboutFirst = await evaluate(bed, first.coach, first.menteeId);
      const aboutSecond = await evaluate(bed, second.coach, second.menteeId);

      const listOf = async (actor: RecordActor, filter = {}) =>
        (await bed.listRecords.execute({ tenantId: TENANT, kind: 'evaluation', actor, filter, page: PAGE }))
          .items;
      expect(await listOf(first.mentee)).toEqual([aboutFirst]);
      expect(await listOf(first.mentee, { menteeId: second.menteeId })).toEqual([]);
      expect(await listOf(second.mentee)).toEqual([aboutSecond]);
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: aboutSecond.id,
          actor: first.mentee,
        }),
      ).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: aboutSecond.id,
          actor: first.coach,
        }),
      ).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
    });

    it('given an administrator, then it reads and lists every record of its tenant, filtered by mentee and author', async () => {
      const bed = buildEvaluationsTestbed();
      const first = await given(bed);
      const second = await given(bed);
      const aboutFirst = await evaluate(bed, first.coach, first.menteeId);
      bed.clock.advance(1000);
      const aboutSecond = await evaluate(bed, second.coach, second.menteeId);

      const listOf = async (filter = {}) =>
        (
          await bed.listRecords.execute({
            tenantId: TENANT,
            kind: 'evaluation',
            actor: administrator,
            filter,
            page: PAGE,
          })
        ).items;
      expect(await listOf()).toEqual([aboutSecond, aboutFirst]);
      expect(await listOf({ menteeId: first.menteeId })).toEqual([aboutFirst]);
      expect(await listOf({ authorId: second.coach.userId })).toEqual([aboutSecond]);
      expect(await listOf({ menteeId: first.menteeId, authorId: second.coach.userId })).toEqual([]);
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: aboutFirst.id,
          actor: administrator,
        }),
      ).resolves.toEqual(aboutFirst);
    });

    it('given two coaches of one mentee, then each reads and lists, by mentee, what the other wrote; without a mentee, its own', async () => {
      const bed = buildEvaluationsTestbed();
      const [one, two] = [newId(), newId()];
      const assignment = await bed.givenAssignment({ coachIds: [one, two] });
      const byOne = await evaluate(bed, anActor(one), assignment.menteeId);
      bed.clock.advance(1000);
      const byTwo = await evaluate(bed, anActor(two), assignment.menteeId);

      const listOf = async (actor: RecordActor, filter = {}) =>
        (await bed.listRecords.execute({ tenantId: TENANT, kind: 'evaluation', actor, filter, page: PAGE }))
          .items;
      expect(await listOf(anActor(one), { menteeId: assignment.menteeId })).toEqual([byTwo, byOne]);
      expect(await listOf(anActor(one))).toEqual([byOne]);
      expect(await listOf(anActor(one), { menteeId: assignment.menteeId, authorId: two })).toEqual([byTwo]);
      await expect(
        bed.getRecord.execute({ tenantId: TENANT, kind: 'evaluation', id: byTwo.id, actor: anActor(one) }),
      ).resolves.toEqual(byTwo);
    });

    it('given a coach whose assignment has ended, then it still reads and lists what it wrote, and nothing by others', async () => {
      const bed = buildEvaluationsTestbed();
      const [former, current] = [newId(), newId()];
      const assignment = await bed.givenAssignment({ coachIds: [former, current] });
      const byFormer = await evaluate(bed, anActor(former), assignment.menteeId);
      const byCurrent = await evaluate(bed, anActor(current), assignment.menteeId);
      await bed.assignments.save(
        TENANT,
        { assignment: { ...assignment, coachIds: [current], version: 2 }, outbox: [] },
        1,
      );

      expect(
        (
          await bed.listRecords.execute({
            tenantId: TENANT,
            kind: 'evaluation',
            actor: anActor(former),
            filter: { menteeId: assignment.menteeId },
            page: PAGE,
          })
        ).items,
      ).toEqual([byFormer]);
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: byFormer.id,
          actor: anActor(former),
        }),
      ).resolves.toEqual(byFormer);
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: byCurrent.id,
          actor: anActor(former),
        }),
      ).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
      await expect(
        bed.editRecord.execute({
          tenantId: TENANT,
          kind: 'evaluation',
          id: byFormer.id,
          actor: anActor(former),
          patch: { score: 5 },
        }),
      ).rejects.toMatchObject({ code: 'EVALUATION.FORBIDDEN' });
    });

    it("given another tenant's record or the other kind's, then it is not found, before anyone's rights are weighed", async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);
      const elsewhere = [
        { ...coach, tenantId: OTHER_TENANT },
        anActor(newId(), { roles: ['application_admin'], tenantId: OTHER_TENANT }),
      ];

      for (const actor of elsewhere) {
        const target = { tenantId: OTHER_TENANT, kind: 'evaluation' as const, id: evaluation.id, actor };
        await expect(bed.getRecord.execute(target)).rejects.toMatchObject({
          code: 'EVALUATION.NOT_FOUND',
          kind: 'not_found',
        });
        await expect(bed.editRecord.execute({ ...target, patch: { score: 1 } })).rejects.toMatchObject({
          code: 'EVALUATION.NOT_FOUND',
        });
        await expect(bed.deleteRecord.execute(target)).rejects.toMatchObject({
          code: 'EVALUATION.NOT_FOUND',
        });
        expect(
          (
            await bed.listRecords.execute({
              tenantId: OTHER_TENANT,
              kind: 'evaluation',
              actor,
              filter: {},
              page: PAGE,
            })
          ).items,
        ).toEqual([]);
      }
      await expect(
        bed.getRecord.execute({
          tenantId: TENANT,
          kind: 'coaching_session',
          id: evaluation.id,
          actor: coach,
        }),
      ).rejects.toMatchObject({ code: 'COACHING_SESSION.NOT_FOUND' });
    });
  });

  describe('editing', () => {
    it('given a coach of the mentee, when it edits an evaluation another coach wrote, then the fields given change at the next version, the author stays', async () => {
      const bed = buildEvaluationsTestbed();
      const [one, two] = [newId(), newId()];
      const assignment = await bed.givenAssignment({ coachIds: [one, two] });
      const evaluation = await evaluate(bed, anActor(one), assignment.menteeId, {
        skill: 'Closing',
        score: 2,
        comment: 'Hesitant',
      });
      bed.clock.advance(60_000);

      const edited = await bed.editRecord.execute({
        tenantId: TENANT,
        kind: 'evaluation',
        id: evaluation.id,
        actor: anActor(two),
        expectedVersion: 1,
        patch: { score: 4, comment: null },
      });

      expect(edited).toEqual({
        ...evaluation,
        content: { skill: 'Closing', score: 4, comment: null },
        updatedAt: new Date('2025-03-10T09:01:00.000Z'),
        version: 2,
      });
      expect(await bed.records.findById(TENANT, 'evaluation', evaluation.id)).toEqual(edited);
    });

    it('given an edit that changes nothing, then nothing is written and the version stays', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);

      const same = await bed.editRecord.execute({
        tenantId: TENANT,
        kind: 'evaluation',
        id: evaluation.id,
        actor: coach,
        patch: { skill: ' Closing ', score: 4 },
      });

      expect(same).toEqual(evaluation);
    });

    it('given a version that is no longer the current one, then the edit is refused as stale and nothing is written', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);
      const target = { tenantId: TENANT, kind: 'evaluation' as const, id: evaluation.id, actor: coach };
      await bed.editRecord.execute({ ...target, expectedVersion: 1, patch: { score: 5 } });

      await expect(
        bed.editRecord.execute({ ...target, expectedVersion: 1, patch: { score: 1 } }),
      ).rejects.toMatchObject({
        code: 'REQUEST.STALE_VERSION',
        kind: 'stale',
      });
      expect((await bed.records.findById(TENANT, 'evaluation', evaluation.id))?.content.score).toBe(5);
    });

    it('given another writer changing the record between the read and the write, then the edit is decided again on fresh state', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);
      const save = bed.records.save.bind(bed.records);
      let raced = false;
      jest.spyOn(bed.records, 'save').mockImplementation(async (tenantId, changed, expectedVersion) => {
        if (!raced) {
          raced = true;
          await save(
            tenantId,
            { ...evaluation, content: { ...evaluation.content, comment: 'Meanwhile' }, version: 2 },
            1,
          );
        }
        return save(tenantId, changed, expectedVersion);
      });

      const edited = await bed.editRecord.execute({
        tenantId: TENANT,
        kind: 'evaluation',
        id: evaluation.id,
        actor: coach,
        patch: { score: 1 },
      });

      expect(edited).toMatchObject({
        version: 3,
        content: { skill: 'Closing', score: 1, comment: 'Meanwhile' },
      });
    });

    it('given the mentee, a stranger or an administrator, then editing is refused and nothing changes', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, mentee, menteeId } = await given(bed);
      const session = await bed.createRecord.execute({
        tenantId: TENANT,
        kind: 'coaching_session',
        actor: coach,
        menteeId,
        content: { date: '2025-03-14', notes: 'Calls', outcome: null },
      });
      const edit = (actor: RecordActor) =>
        bed.editRecord.execute({
          tenantId: TENANT,
          kind: 'coaching_session',
          id: session.id,
          actor,
          patch: { outcome: 'Done' },
        });

      await expect(edit(mentee)).rejects.toMatchObject({ code: 'COACHING_SESSION.FORBIDDEN' });
      await expect(edit(anActor(newId()))).rejects.toMatchObject({ code: 'COACHING_SESSION.FORBIDDEN' });
      await expect(edit(administrator)).rejects.toMatchObject({
        code: 'COACHING_SESSION.ADMINISTRATOR_READ_ONLY',
      });
      expect(await bed.records.findById(TENANT, 'coaching_session', session.id)).toEqual(session);
    });

    it('given a patch breaking the rules, then it is refused as invalid and nothing changes', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, menteeId } = await given(bed);
      const session = await bed.createRecord.execute({
        tenantId: TENANT,
        kind: 'coaching_session',
        actor: coach,
        menteeId,
        content: { date: '2025-03-14', notes: 'Calls', outcome: null },
      });

      await expect(
        bed.editRecord.execute({
          tenantId: TENANT,
          kind: 'coaching_session',
          id: session.id,
          actor: coach,
          patch: { notes: '  ' },
        }),
      ).rejects.toMatchObject({ code: 'COACHING_SESSION.INVALID', kind: 'invalid' });
      expect(await bed.records.findById(TENANT, 'coaching_session', session.id)).toEqual(session);
    });
  });

  describe('deleting', () => {
    it('given a coach of the mentee, then it deletes a record for good', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, mentee, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);
      const target = { tenantId: TENANT, kind: 'evaluation' as const, id: evaluation.id };

      await bed.deleteRecord.execute({ ...target, actor: coach, expectedVersion: 1 });

      await expect(bed.getRecord.execute({ ...target, actor: mentee })).rejects.toMatchObject({
        code: 'EVALUATION.NOT_FOUND',
      });
      await expect(bed.deleteRecord.execute({ ...target, actor: coach })).rejects.toMatchObject({
        code: 'EVALUATION.NOT_FOUND',
      });
    });

    it('given a stale version, the mentee or an administrator, then nothing is deleted', async () => {
      const bed = buildEvaluationsTestbed();
      const { coach, mentee, menteeId } = await given(bed);
      const evaluation = await evaluate(bed, coach, menteeId);
      const target = { tenantId: TENANT, kind: 'evaluation' as const, id: evaluation.id };

      await expect(
        bed.deleteRecord.execute({ ...target, actor: coach, expectedVersion: 7 }),
      ).rejects.toMatchObject({
        code: 'REQUEST.STALE_VERSION',
      });
      await expect(bed.deleteRecord.execute({ ...target, actor: mentee })).rejects.toMatchObject({
        code: 'EVALUATION.FORBIDDEN',
      });
      await expect(bed.deleteRecord.execute({ ...target, actor: administrator })).rejects.toMatchObject({
        code: 'EVALUATION.ADMINISTRATOR_READ_ONLY',
      });
      expect(await bed.records.findById(TENANT, 'evaluation', evaluation.id)).toEqual(evaluation);
    });
  });
});
