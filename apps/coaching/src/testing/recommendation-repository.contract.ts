import { newId } from '@lms/kernel';
import { recommendationIdOf, type Recommendation } from '../recommendations/domain/recommendation';
import type { RecommendationRepository } from '../recommendations/ports/recommendation.repository';

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
    ...overrides,
  };
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

      expect(await repo.insertIfAbsent(tenantId, [first, second])).toEqual([first.id, second.id]);
      const again = { ...first, note: 'A later note', createdAt: new Date('2025-03-11T09:00:00.000Z') };
      const third = aRecommendation(tenantId, who, '2025-03-11T09:00:00.000Z');
      expect(await repo.insertIfAbsent(tenantId, [again, third])).toEqual([third.id]);
      expect(await repo.insertIfAbsent(tenantId, [again])).toEqual([]);
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
      await repo.insertIfAbsent(tenantId, [middle, newest, oldest]);

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
      await repo.insertIfAbsent(tenantId, [low, high]);

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
      await repo.insertIfAbsent(otherTenant, [theirs]);

      expect(await repo.findById(tenantId, theirs.id)).toBeNull();
      expect(await repo.findMany(tenantId, [theirs.id])).toEqual([]);
      expect(await repo.list(tenantId, { menteeId: who.menteeId }, PAGE)).toEqual({
        items: [],
        limit: 10,
        nextCursor: null,
      });
      await repo.delete(tenantId, theirs.id);
      expect(await repo.findById(otherTenant, theirs.id)).toEqual(theirs);
      await expect(repo.insertIfAbsent(tenantId, [theirs])).rejects.toThrow();
    });

    it('given a recommendation removed, then it is gone, and recommending it again stores it anew', async () => {
      const repo = make();
      const tenantId = newTenant();
      const who = { coachId: newId(), menteeId: newId() };
      const recommendation = aRecommendation(tenantId, who, '2025-03-10T09:00:00.000Z');
      await repo.insertIfAbsent(tenantId, [recommendation]);

      await repo.delete(tenantId, recommendation.id);
      await repo.delete(tenantId, recommendation.id);

      expect(await repo.findById(tenantId, recommendation.id)).toBeNull();
      expect((await repo.list(tenantId, {}, PAGE)).items).toEqual([]);
      expect(await repo.insertIfAbsent(tenantId, [recommendation])).toEqual([recommendation.id]);
    });
  });
}
