import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Course } from '../courses/domain/course';
import type { CourseRepository } from '../courses/ports/course.repository';

/** Creation order, as the Mongo repository sorts: the ids are time-ordered. */
const IN_CREATION_ORDER: ReadonlyArray<MemorySortKey<Course>> = [['_id', (course) => course.id, 1]];

/** The course repository in memory, for unit tests: same ordering and tenant scoping. */
export class InMemoryCourseRepository implements CourseRepository {
  private readonly courses = new Map<string, Course>();

  /** Stores courses as they are, for tests only: the port has no way to create one yet. */
  seed(...courses: Course[]): void {
    for (const course of courses) this.courses.set(course.id, structuredClone(course));
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<Course>> {
    const matching = [...this.courses.values()].filter((course) => course.tenantId === tenantId);
    return structuredClone(slicePage(matching, page, IN_CREATION_ORDER));
  }
}
