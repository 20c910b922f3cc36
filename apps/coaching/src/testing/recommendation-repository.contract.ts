import { newId } from '@lms/kernel';
import {
  recommendAgain,
  recommendationIdOf,
  removeRecommendation,
  type Recommendation,
} from '../recommendations/domain/recommendation';
import type {
  RecommendationRepository,
  RecommendationWithEvents,
} from '../recommendations/ports/recommendation.repository';

function newTenant(): string {
  return `contract-${newId()}`;
}

function aRecommendation(
  tenantId: string,
  who: { coachId: string; menteeId: string },
  at: string,
  overrides: Partial<Recommendation> = {},
): Recommendation {
  const key = { tenantId, ...who, courseId: overrides.courseId ?? newId() };
  return {
    id: recommendationIdOf(key),
    ...key,
    note: null,
    createdAt: new Date(at),
    removedAt: null,
    version: 1,
    ...overrides,
  };
}

/** Recommendations as the use cases write them (their events are the use cases' business). */
function items(...recommendations: Recommendation[]): RecommendationWithEvents[] {
  return recommendations.map((recommendation) => ({ recommendation, outbox: [] }));
}

const PAGE = { limit: 10 };

/**
 * What every {@link RecommendationRepository} must do, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake the use case tests rely on behaves like
 * the real thing. Each test works in a tenant of its own.
 */
export function describeRecommendationRepositoryContract(
  name: string,
  make: () => RecommendationRepository,
): void {
  describe(`${name} (recommendation repository contract)`, () => {
    it('given recommendations stored, when the same ones come again, then each is stored once and the first stands', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { coachId: newId(), menteeId: newId() };
      const first = aRecommendation(tenantId, who, '2025-03-10T09:00:00.000Z', {
        note: 'Ünïcode, "quotes" and\nlines survive',
      });
      const second = aRecommendation(tenantId, who, '2025-03-10T09:00:00.000Z');

      expect(await repo.insertIfAbsent(tenantId, items(first, second))).toEqual([first.id, second.id]);
      const again = { ...first, note: 'A later note', createdAt: new Date('2025-03-11T09:00:00.000Z') };
      const third = aRecommendation(tenantId, who, '2025-03-11T09:00:00.000Z');
      expect(await repo.insertIfAbsent(tenantId, items(again, third))).toEqual([third.id]);
      expect(await repo.insertIfAbsent(tenantId, items(again))).toEqual([]);
      expect(await repo.insertIfAbsent(tenantId, [])).toEqual([]);

      expect(await repo.findById(tenantId, first.id)).toEqual(first);
      const many = await repo.findMany(tenantId, [third.id, first.id, first.id, newId()]);
      expect(many.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        [first, third].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    });

    it('lists newest first, a page at a time, narrowed by mentee, by coach or by both', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [coach, otherCoach, mentee, otherMentee] = [newId(), newId(), newId(), newId()];
      const oldest = aRecommendation(
        tenantId,
        { coachId: coach, menteeId: mentee },
        '2025-03-01T09:00:00.000Z',
      );
      const middle = aRecommendation(
        tenantId,
        { coachId: otherCoach, menteeId: mentee },
        '2025-03-02T09:00:00.000Z',
      );
      const newest = aRecommendation(
        tenantId,
        { coachId: coach, menteeId: otherMentee },
        '2025-03-03T09:00:00.000Z',
      );
      await repo.insertIfAbsent(tenantId, items(middle, newest, oldest));

      const first = await repo.list(tenantId, {}, { limit: 2 });
      expect(first).toEqual({ items: [newest, middle], limit: 2, nextCursor: expect.any(String) });
      expect(await repo.list(tenantId, {}, { limit: 2, cursor: first.nextCursor ?? undefined })).toEqual({
        items: [oldest],
        limit: 2,
        nextCursor: null,
      });
      expect((await repo.list(tenantId, { menteeId: mentee }, PAGE)).items).toEqual([middle, oldest]);
      expect((await repo.list(tenantId, { coachId: coach }, PAGE)).items).toEqual([newest, oldest]);
      expect((await repo.list(tenantId, { coachId: coach, menteeId: mentee }, PAGE)).items).toEqual([oldest]);
    });

    it('given two recommendations of the same instant, then they list in the reverse order of their ids, also across pages', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { coachId: newId(), menteeId: newId() };
      const at = '2025-03-10T09:00:00.000Z';
      const [low, high] = [aRecommendation(tenantId, who, at), aRecommendation(tenantId, who, at)].sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );
      await repo.insertIfAbsent(tenantId, items(low, high));

      const first = await repo.list(tenantId, {}, { limit: 1 });
      const second = await repo.list(tenantId, {}, { limit: 1, cursor: first.nextCursor ?? undefined });

      expect((await repo.list(tenantId, {}, PAGE)).items.map((r) => r.id)).toEqual([high.id, low.id]);
      expect([...first.items, ...second.items].map((r) => r.id)).toEqual([high.id, low.id]);
      expect(second.nextCursor).toBeNull();
    });

    it("never reads, lists or removes another tenant's recommendation", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const who = { coachId: newId(), menteeId: newId() };
      const theirs = aRecommendation(otherTenant, who, '2025-03-10T09:00:00.000Z');
      await repo.insertIfAbsent(otherTenant, items(theirs));

      expect(await repo.findById(tenantId, theirs.id)).toBeNull();
      expect(await repo.findMany(tenantId, [theirs.id])).toEqual([]);
      expect(await repo.list(tenantId, { menteeId: who.menteeId }, PAGE)).toEqual({
        items: [],
        limit: 10,
        nextCursor: null,
      });
      const removed = removeRecommendation({ ...theirs, tenantId }, new Date('2025-03-11T09:00:00.000Z'));
      expect(await repo.save(tenantId, { recommendation: removed, outbox: [] }, 1)).toBe(false);
      expect(await repo.findById(otherTenant, theirs.id)).toEqual(theirs);
      await expect(repo.insertIfAbsent(tenantId, items(theirs))).rejects.toThrow();
      await expect(repo.save(tenantId, { recommendation: theirs, outbox: [] }, 1)).rejects.toThrow();
    });

    it('given a recommendation removed, then it is gone from reads and lists but kept with its version, and made again at the next one', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { coachId: newId(), menteeId: newId() };
      const recommendation = aRecommendation(tenantId, who, '2025-03-10T09:00:00.000Z');
      await repo.insertIfAbsent(tenantId, items(recommendation));
      const removed = removeRecommendation(recommendation, new Date('2025-03-11T09:00:00.000Z'));

      expect(await repo.save(tenantId, { recommendation: removed, outbox: [] }, 1)).toBe(true);
      // A second removal read at the version before loses the compare-and-set.
      expect(await repo.save(tenantId, { recommendation: removed, outbox: [] }, 1)).toBe(false);

      expect(await repo.findById(tenantId, recommendation.id)).toBeNull();
      expect((await repo.list(tenantId, {}, PAGE)).items).toEqual([]);
      expect(await repo.findMany(tenantId, [recommendation.id])).toEqual([removed]);
      // Inserting it again writes nothing: it is made again from its tombstone, at its next version.
      expect(await repo.insertIfAbsent(tenantId, items(recommendation))).toEqual([]);
      const again = recommendAgain(removed, {
        ...recommendation,
        note: 'Once more',
        createdAt: new Date('2025-03-12T09:00:00.000Z'),
      });
      expect(await repo.save(tenantId, { recommendation: again, outbox: [] }, 2)).toBe(true);

      expect(again).toMatchObject({ version: 3, removedAt: null, note: 'Once more' });
      expect(await repo.findById(tenantId, recommendation.id)).toEqual(again);
      expect((await repo.list(tenantId, { menteeId: who.menteeId }, PAGE)).items).toEqual([again]);
    });
  });
}
