import { randomUUID } from 'node:crypto';
import type { LearnerRecommendationChange } from '../recommendations/domain/learner-recommendation';
import type { LearnerRecommendationRepository } from '../recommendations/ports/learner-recommendation.repository';

/** A recommendation's event at `version`, recommended on that day of March 2026: its full state. */
export function aRecommendationChange(
  tenantId: string,
  userId: string,
  version: number,
  overrides: Partial<LearnerRecommendationChange> = {},
): LearnerRecommendationChange {
  return {
    tenantId,
    recommendationId: randomUUID(),
    userId,
    coachId: randomUUID(),
    courseId: randomUUID(),
    courseTitle: 'Negotiation',
    note: null,
    recommendedAt: new Date('2026-03-01T09:00:00.000Z'),
    live: true,
    version,
    updatedAt: new Date(Date.UTC(2026, 2, 2, 9, version)),
    ...overrides,
  };
}

/**
 * What every {@link LearnerRecommendationRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeLearnerRecommendationRepositoryContract(
  name: string,
  make: () => LearnerRecommendationRepository,
): void {
  describe(`${name} (recommendation projection repository contract)`, () => {
    let repository: LearnerRecommendationRepository;
    let tenantId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    it("given recommendations made, then a learner's list holds its own live ones, newest first, a page at a time, in its tenant only", async () => {
      const [ada, bob] = [randomUUID(), randomUUID()];
      const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
      const [oldest, middle, newest] = [1, 2, 3].map((day) =>
        aRecommendationChange(tenantId, ada, 1, { recommendedAt: at(day), note: `Day ${day}` }),
      ) as [LearnerRecommendationChange, LearnerRecommendationChange, LearnerRecommendationChange];

      expect(
        await repository.applyMany([
          middle,
          newest,
          oldest,
          aRecommendationChange(tenantId, bob, 1),
          aRecommendationChange(`tenant-${randomUUID()}`, ada, 1),
        ]),
      ).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

      const first = await repository.listOf(tenantId, ada, { limit: 2 });
      const second = await repository.listOf(tenantId, ada, {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect(first).toEqual({ items: [newest, middle], limit: 2, nextCursor: expect.any(String) });
      expect(second).toEqual({ items: [oldest], limit: 2, nextCursor: null });
      expect((await repository.listOf(tenantId, randomUUID(), { limit: 10 })).items).toEqual([]);
    });

    it('given a removal, then the recommendation leaves the list; an older event arriving late does not bring it back; made again it returns', async () => {
      const ada = randomUUID();
      const made = aRecommendationChange(tenantId, ada, 1);
      await repository.applyMany([made]);

      expect(await repository.applyMany([{ ...made, live: false, version: 2 }])).toEqual(['applied']);
      expect(await repository.applyMany([made])).toEqual(['stale']);
      expect((await repository.listOf(tenantId, ada, { limit: 10 })).items).toEqual([]);

      const again = { ...made, note: 'Once more', version: 3 };
      expect(await repository.applyMany([again])).toEqual(['applied']);
      expect((await repository.listOf(tenantId, ada, { limit: 10 })).items).toEqual([again]);
    });

    it('given a batch redelivered, or versions of one recommendation out of order, then the newest wins and a repeat changes nothing', async () => {
      const ada = randomUUID();
      const made = aRecommendationChange(tenantId, ada, 1);
      const batch = [{ ...made, version: 3, note: 'Third' }, made, { ...made, version: 2, live: false }];

      expect(await repository.applyMany(batch)).toEqual(['applied', 'applied', 'applied']);
      expect(await repository.applyMany(batch)).toEqual(['stale', 'stale', 'stale']);

      expect((await repository.listOf(tenantId, ada, { limit: 10 })).items).toEqual([
        { ...made, version: 3, note: 'Third' },
      ]);
    });
  });
}
