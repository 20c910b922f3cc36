import { newId } from '@lms/kernel';
import type { CatalogCourseChange } from '../courses/domain/catalog-course';
import type { CatalogCourseRepository } from '../courses/ports/catalog-course.repository';

function newTenant(): string {
  return `contract-${newId()}`;
}

/** The event of `courseId` at `version`, on that day of March 2025: the course's full state. */
export function aCourseChange(
  tenantId: string,
  courseId: string,
  version: number,
  overrides: Partial<CatalogCourseChange> = {},
): CatalogCourseChange {
  return {
    tenantId,
    courseId,
    title: `Course ${courseId}`,
    kind: 'elearning',
    state: 'published',
    version,
    updatedAt: new Date(`2025-03-${String(version).padStart(2, '0')}T00:00:00.000Z`),
    ...overrides,
  };
}

/**
 * What every {@link CatalogCourseRepository} must do, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake the use case tests rely on behaves like
 * the real thing. Each test works in a tenant of its own.
 */
export function describeCatalogCourseRepositoryContract(
  name: string,
  make: () => CatalogCourseRepository,
): void {
  describe(`${name} (catalog course repository contract)`, () => {
    it('stores the full state of a new course and reports older or repeated events as stale', async () => {
      const repo = make();
      const tenantId = newTenant();
      const courseId = newId();

      expect(
        await repo.applyMany([aCourseChange(tenantId, courseId, 2, { title: 'Negotiation', kind: 'ilt' })]),
      ).toEqual(['applied']);
      expect(await repo.applyMany([aCourseChange(tenantId, courseId, 2, { title: 'Again' })])).toEqual([
        'stale',
      ]);
      expect(
        await repo.applyMany([aCourseChange(tenantId, courseId, 1, { title: 'Older', state: 'draft' })]),
      ).toEqual(['stale']);

      expect(await repo.find(tenantId, courseId)).toEqual({
        tenantId,
        courseId,
        title: 'Negotiation',
        kind: 'ilt',
        state: 'published',
        version: 2,
        updatedAt: new Date('2025-03-02T00:00:00.000Z'),
      });
    });

    it('applies a batch in bulk: new and known courses, several versions of one in any order, stale and repeated events', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [known, fresh, untouched] = [newId(), newId(), newId()];
      await repo.applyMany([aCourseChange(tenantId, known, 3), aCourseChange(tenantId, untouched, 1)]);

      const outcomes = await repo.applyMany([
        aCourseChange(tenantId, known, 2, { title: 'Older' }), // older than stored
        aCourseChange(tenantId, known, 3, { title: 'Same' }), // the version stored
        aCourseChange(tenantId, fresh, 2, { state: 'archived' }), // newest of fresh, first in the batch
        aCourseChange(tenantId, fresh, 1), // applied first, in version order
        aCourseChange(tenantId, known, 4, { title: 'Renamed' }),
        aCourseChange(tenantId, known, 4, { title: 'Renamed' }), // the same event twice
      ]);

      expect(outcomes).toEqual(['stale', 'stale', 'applied', 'applied', 'applied', 'stale']);
      expect(await repo.find(tenantId, known)).toMatchObject({ title: 'Renamed', version: 4 });
      expect(await repo.find(tenantId, fresh)).toMatchObject({ state: 'archived', version: 2 });
      expect(await repo.find(tenantId, untouched)).toMatchObject({ version: 1 });
    });

    it('finds the courses of one tenant only, by id, once each, and nothing for an empty list', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [mine, theirs] = [newId(), newId()];
      await repo.applyMany([aCourseChange(tenantId, mine, 1), aCourseChange(otherTenant, theirs, 1)]);

      const found = await repo.findMany(tenantId, [mine, theirs, mine, newId()]);

      expect(found.map((course) => course.courseId)).toEqual([mine]);
      expect(await repo.find(otherTenant, mine)).toBeNull();
      expect(await repo.find(tenantId, theirs)).toBeNull();
      expect(await repo.findMany(tenantId, [])).toEqual([]);
    });
  });
}
