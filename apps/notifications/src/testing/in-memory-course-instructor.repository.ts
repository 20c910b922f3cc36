import {
  courseInstructorKey,
  foldInstructorChanges,
  type CourseInstructor,
} from '../sessions/domain/course-instructor';
import type { CourseInstructorRepository } from '../sessions/ports/course-instructor.repository';

/** Who teaches which course, in memory, with the same version rule as the Mongo projection. */
export class InMemoryCourseInstructorRepository implements CourseInstructorRepository {
  private readonly rows = new Map<string, CourseInstructor>();

  async applyMany(changes: readonly CourseInstructor[]): Promise<void> {
    const byKey = new Map<string, CourseInstructor[]>();
    for (const change of changes) {
      const key = courseInstructorKey(change);
      byKey.set(key, [...(byKey.get(key) ?? []), change]);
    }
    for (const [key, list] of byKey) {
      const { write } = foldInstructorChanges(this.rows.get(key)?.version ?? null, list);
      if (write) this.rows.set(key, { ...write });
    }
  }

  async instructorsOf(tenantId: string, courseIds: readonly string[]): Promise<Map<string, string[]>> {
    const instructors = new Map<string, string[]>(courseIds.map((id) => [id, []]));
    for (const row of this.rows.values()) {
      if (row.tenantId !== tenantId || !row.instructs || !instructors.has(row.courseId)) continue;
      const users = instructors.get(row.courseId) ?? [];
      if (!users.includes(row.userId)) users.push(row.userId);
    }
    return instructors;
  }
}
