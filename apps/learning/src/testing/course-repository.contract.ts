import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import type { Course } from '../courses/domain/course';
import type { CourseRepository } from '../courses/ports/course.repository';

/**
 * A repository under test, with a way to store courses as they are: the port cannot create
 * one yet (the fake stores them in memory, the Mongo test writes them through the model).
 */
export interface CourseRepositoryUnderTest {
  repository: CourseRepository;
  seed(courses: readonly Course[]): Promise<void>;
}

/**
 * What every {@link CourseRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeCourseRepositoryContract(
  name: string,
  make: () => Promise<CourseRepositoryUnderTest> | CourseRepositoryUnderTest,
): void {
  describe(`${name} (course repository contract)`, () => {
    let repository: CourseRepository;
    let seed: CourseRepositoryUnderTest['seed'];
    let tenantId: string;

    beforeEach(async () => {
      ({ repository, seed } = await make());
      tenantId = `tenant-${randomUUID()}`;
    });

    /** The course created at `minute` past 09:00: its id sorts by creation. */
    function courseAt(minute: number, tenant = tenantId): Course {
      const createdAt = new Date(Date.UTC(2026, 2, 2, 9, minute));
      return {
        id: newId(createdAt),
        tenantId: tenant,
        title: `Course of ${createdAt.toISOString()}`,
        kind: minute % 2 === 0 ? 'elearning' : 'ilt',
        state: 'published',
        createdAt,
        updatedAt: new Date(createdAt.getTime() + 60_000),
        version: 1,
      };
    }

    it('given no course in the tenant, when listed, then the page is empty and the last one', async () => {
      expect(await repository.list(tenantId, { limit: 50 })).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });

    it('given courses stored in any order, when listed, then they come back whole, in creation order', async () => {
      const [first, second, third] = [courseAt(1), courseAt(2), courseAt(3)];
      await seed([third, first, second]);

      const page = await repository.list(tenantId, { limit: 50 });

      expect(page).toEqual({ items: [first, second, third], limit: 50, nextCursor: null });
    });

    it('given courses of two tenants, when one tenant lists, then it sees only its own', async () => {
      const otherTenant = `tenant-${randomUUID()}`;
      const ours = courseAt(1);
      await seed([courseAt(0, otherTenant), ours, courseAt(2, otherTenant)]);

      expect((await repository.list(tenantId, { limit: 50 })).items).toEqual([ours]);
      expect((await repository.list(otherTenant, { limit: 50 })).items).toHaveLength(2);
    });

    it('given more courses than a page, when paged through, then each page gives the cursor of the next', async () => {
      const courses = [courseAt(1), courseAt(2), courseAt(3), courseAt(4), courseAt(5)];
      await seed(courses);

      const first = await repository.list(tenantId, { limit: 2 });
      const second = await repository.list(tenantId, { limit: 2, cursor: first.nextCursor ?? undefined });
      const last = await repository.list(tenantId, { limit: 2, cursor: second.nextCursor ?? undefined });
      const exact = await repository.list(tenantId, { limit: 5 });

      expect(first).toEqual({ items: courses.slice(0, 2), limit: 2, nextCursor: expect.any(String) });
      expect(second).toEqual({ items: courses.slice(2, 4), limit: 2, nextCursor: expect.any(String) });
      expect(last).toEqual({ items: courses.slice(4), limit: 2, nextCursor: null });
      expect(exact).toEqual({ items: courses, limit: 5, nextCursor: null });
    });
  });
}
