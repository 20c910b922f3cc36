import { randomUUID } from 'node:crypto';
import type { CourseInstructor } from '../sessions/domain/course-instructor';
import type { CourseInstructorRepository } from '../sessions/ports/course-instructor.repository';

/**
 * What every {@link CourseInstructorRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeCourseInstructorRepositoryContract(
  name: string,
  make: () => CourseInstructorRepository,
): void {
  describe(`${name} (course instructor repository contract)`, () => {
    let repository: CourseInstructorRepository;
    let tenantId: string;
    let courseId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
      courseId = randomUUID();
    });

    const change = (
      userId: string,
      instructs: boolean,
      version: number,
      course = courseId,
      tenant = tenantId,
    ): CourseInstructor => ({
      tenantId: tenant,
      courseId: course,
      userId,
      instructs,
      version,
    });

    it("given instructors granted and revoked, then a course's instructors are those who hold the role now, each once, in the tenant", async () => {
      const other = randomUUID();
      await repository.applyMany([
        change('ada', true, 2),
        change('bea', true, 3),
        change('bea', false, 4),
        change('cid', true, 5, other),
        change('dan', true, 2, courseId, `tenant-${randomUUID()}`),
      ]);

      const found = await repository.instructorsOf(tenantId, [courseId, other, randomUUID()]);

      expect(found.get(courseId)).toEqual(['ada']);
      expect(found.get(other)).toEqual(['cid']);
      expect([...found.values()].flat()).toHaveLength(2);
    });

    it('given an older change arriving late or a batch redelivered, then the newest stays', async () => {
      await repository.applyMany([change('ada', false, 7)]);
      await repository.applyMany([change('ada', true, 6), change('ada', true, 3)]);
      expect((await repository.instructorsOf(tenantId, [courseId])).get(courseId)).toEqual([]);
      await repository.applyMany([change('ada', true, 8), change('ada', true, 8)]);
      expect((await repository.instructorsOf(tenantId, [courseId])).get(courseId)).toEqual(['ada']);
    });
  });
}
