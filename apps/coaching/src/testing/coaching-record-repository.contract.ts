import { newId } from '@lms/kernel';
import {
  editRecord,
  newRecord,
  type CoachingSession,
  type Evaluation,
} from '../evaluations/domain/coaching-record';
import type { CoachingRecordRepository } from '../evaluations/ports/coaching-record.repository';

const PAGE = { limit: 50 };

function newTenant(): string {
  return `contract-${newId()}`;
}

function anEvaluation(
  tenantId: string,
  at: string,
  people: { menteeId?: string; authorId?: string } = {},
): Evaluation {
  const now = new Date(at);
  return newRecord(
    {
      tenantId,
      kind: 'evaluation',
      menteeId: people.menteeId ?? newId(),
      authorId: people.authorId ?? newId(),
      content: { skill: `skill at ${at}`, score: 3, comment: null },
    },
    { id: newId(now), now },
  );
}

function aSession(
  tenantId: string,
  at: string,
  people: { menteeId?: string; authorId?: string } = {},
): CoachingSession {
  const now = new Date(at);
  return newRecord(
    {
      tenantId,
      kind: 'coaching_session',
      menteeId: people.menteeId ?? newId(),
      authorId: people.authorId ?? newId(),
      content: { date: at.slice(0, 10), notes: `held on ${at}`, outcome: null },
    },
    { id: newId(now), now },
  );
}

/**
 * What every {@link CoachingRecordRepository} must do, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake the use case tests rely on behaves like
 * the real thing. Each test works in a tenant of its own.
 */
export function describeCoachingRecordRepositoryContract(
  name: string,
  make: () => CoachingRecordRepository,
): void {
  describe(`${name} (coaching record repository contract)`, () => {
    it('given records of both kinds, then each reads back by id as written, within its tenant and kind only', async () => {
      const repo = make();
      const tenantId = newTenant();
      const evaluation = {
        ...anEvaluation(tenantId, '2025-03-10T09:00:00.000Z'),
        content: { skill: 'Ünïcode, "quotes"\nand lines', score: 5, comment: 'Well done' },
      };
      const session = {
        ...aSession(tenantId, '2025-03-10T10:00:00.000Z'),
        content: { date: '2025-03-14', notes: 'n', outcome: 'o' },
      };
      await repo.insert(evaluation);
      await repo.insert(session);

      expect(await repo.findById(tenantId, 'evaluation', evaluation.id)).toEqual(evaluation);
      expect(await repo.findById(tenantId, 'coaching_session', session.id)).toEqual(session);
      expect(await repo.findById(tenantId, 'coaching_session', evaluation.id)).toBeNull();
      expect(await repo.findById(tenantId, 'evaluation', session.id)).toBeNull();
      expect(await repo.findById(newTenant(), 'evaluation', evaluation.id)).toBeNull();
      expect(await repo.findById(tenantId, 'evaluation', newId())).toBeNull();
    });

    it('given records written out of order, then a list reads them newest first, a page at a time, of one kind and tenant', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [first, second, third] = [
        anEvaluation(tenantId, '2025-03-10T09:00:00.000Z'),
        anEvaluation(tenantId, '2025-03-10T09:05:00.000Z'),
        anEvaluation(tenantId, '2025-03-10T09:10:00.000Z'),
      ];
      for (const record of [second, third, first]) await repo.insert(record);
      await repo.insert(aSession(tenantId, '2025-03-10T09:07:00.000Z'));
      await repo.insert(anEvaluation(newTenant(), '2025-03-10T09:08:00.000Z'));

      const newest = await repo.list(tenantId, 'evaluation', {}, { limit: 2 });
      expect(newest).toEqual({ items: [third, second], limit: 2, nextCursor: expect.any(String) });
      expect(
        await repo.list(tenantId, 'evaluation', {}, { limit: 2, cursor: newest.nextCursor ?? undefined }),
      ).toEqual({ items: [first], limit: 2, nextCursor: null });
    });

    it('given two records of the same instant, then the one of the higher id reads first, also across pages', async () => {
      const repo = make();
      const tenantId = newTenant();
      const at = '2025-03-10T09:00:00.000Z';
      const [low, high] = [anEvaluation(tenantId, at), anEvaluation(tenantId, at)].sort((a, b) =>
        a.id < b.id ? -1 : 1,
      );
      await repo.insert(low);
      await repo.insert(high);

      const page = await repo.list(tenantId, 'evaluation', {}, PAGE);
      const first = await repo.list(tenantId, 'evaluation', {}, { limit: 1 });
      const second = await repo.list(
        tenantId,
        'evaluation',
        {},
        { limit: 1, cursor: first.nextCursor ?? undefined },
      );

      expect(page.items.map((r) => r.id)).toEqual([high.id, low.id]);
      expect([...first.items, ...second.items].map((r) => r.id)).toEqual([high.id, low.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('given a scope, then a list keeps the records about the mentee, by the author, both, or involving the user either way', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [mentee, coach, otherCoach, user] = [newId(), newId(), newId(), newId()];
      const byCoach = aSession(tenantId, '2025-03-10T09:00:00.000Z', { menteeId: mentee, authorId: coach });
      const byOther = aSession(tenantId, '2025-03-10T09:01:00.000Z', {
        menteeId: mentee,
        authorId: otherCoach,
      });
      const aboutUser = aSession(tenantId, '2025-03-10T09:02:00.000Z', { menteeId: user, authorId: coach });
      const byUser = aSession(tenantId, '2025-03-10T09:03:00.000Z', { authorId: user });
      for (const record of [byCoach, byOther, aboutUser, byUser]) await repo.insert(record);
      const ids = async (scope: Parameters<CoachingRecordRepository['list']>[2]) =>
        (await repo.list(tenantId, 'coaching_session', scope, PAGE)).items.map((r) => r.id);

      expect(await ids({ menteeId: mentee })).toEqual([byOther.id, byCoach.id]);
      expect(await ids({ authorId: coach })).toEqual([aboutUser.id, byCoach.id]);
      expect(await ids({ menteeId: mentee, authorId: coach })).toEqual([byCoach.id]);
      expect(await ids({ involving: user })).toEqual([byUser.id, aboutUser.id]);
      expect(await ids({ involving: user, authorId: coach })).toEqual([aboutUser.id]);
      expect(await ids({ menteeId: newId() })).toEqual([]);
      // Either way of involving the user, a page at a time.
      const involving = await repo.list(tenantId, 'coaching_session', { involving: user }, { limit: 1 });
      const rest = await repo.list(
        tenantId,
        'coaching_session',
        { involving: user },
        { limit: 1, cursor: involving.nextCursor ?? undefined },
      );
      expect([...involving.items, ...rest.items].map((r) => r.id)).toEqual([byUser.id, aboutUser.id]);
      expect(rest.nextCursor).toBeNull();
    });

    it('given the version read, then a save replaces the content and keeps who and when it was created; at another version or in another tenant it writes nothing', async () => {
      const repo = make();
      const tenantId = newTenant();
      const evaluation = anEvaluation(tenantId, '2025-03-10T09:00:00.000Z');
      await repo.insert(evaluation);
      const edited = editRecord(
        evaluation,
        { skill: 'Closing', score: 4, comment: 'Better' },
        new Date('2025-03-11T09:00:00.000Z'),
      );

      expect(await repo.save(newTenant(), edited, 1)).toBe(false);
      expect(await repo.save(tenantId, edited, 2)).toBe(false);
      expect(await repo.findById(tenantId, 'evaluation', evaluation.id)).toEqual(evaluation);
      expect(await repo.save(tenantId, edited, 1)).toBe(true);
      expect(await repo.findById(tenantId, 'evaluation', evaluation.id)).toEqual(edited);
      const removed = editRecord(
        edited,
        { ...edited.content, comment: null },
        new Date('2025-03-12T09:00:00.000Z'),
      );
      expect(await repo.save(tenantId, removed, 2)).toBe(true);
      expect(await repo.findById(tenantId, 'evaluation', evaluation.id)).toEqual(removed);
      expect(await repo.save(tenantId, edited, 1)).toBe(false);
    });

    it('given the version read, then a deletion removes the record for good; at another version or in another tenant it removes nothing', async () => {
      const repo = make();
      const tenantId = newTenant();
      const session = aSession(tenantId, '2025-03-10T09:00:00.000Z');
      await repo.insert(session);

      expect(await repo.delete(newTenant(), session.id, 1)).toBe(false);
      expect(await repo.delete(tenantId, session.id, 2)).toBe(false);
      expect(await repo.findById(tenantId, 'coaching_session', session.id)).toEqual(session);
      expect(await repo.delete(tenantId, session.id, 1)).toBe(true);
      expect(await repo.findById(tenantId, 'coaching_session', session.id)).toBeNull();
      expect((await repo.list(tenantId, 'coaching_session', {}, PAGE)).items).toEqual([]);
      expect(await repo.delete(tenantId, session.id, 1)).toBe(false);
    });
  });
}
