import { foldNewestState } from '@lms/kernel';
import {
  catalogCourseKey,
  type CatalogCourse,
  type CatalogCourseChange,
} from '../courses/domain/catalog-course';
import type { CatalogCourseRepository } from '../courses/ports/catalog-course.repository';
import type { ProjectionOutcome } from '../shared/projection-outcome';

/** The projection of the catalog in memory, with the same version rule as the Mongo one. */
export class InMemoryCatalogCourseRepository implements CatalogCourseRepository {
  private readonly rows = new Map<string, CatalogCourse>();

  async applyMany(changes: readonly CatalogCourseChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = catalogCourseKey(change.tenantId, change.courseId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const { newer, write } = foldNewestState(
        this.rows.get(key)?.version ?? null,
        indexes.map((i) => changes[i] as CatalogCourseChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (write) this.rows.set(key, structuredClone(write));
    }
    return outcomes;
  }

  async find(tenantId: string, courseId: string): Promise<CatalogCourse | null> {
    const row = this.rows.get(catalogCourseKey(tenantId, courseId));
    return row ? structuredClone(row) : null;
  }

  async findMany(tenantId: string, courseIds: readonly string[]): Promise<CatalogCourse[]> {
    return [...new Set(courseIds)]
      .map((courseId) => this.rows.get(catalogCourseKey(tenantId, courseId)))
      .filter((course): course is CatalogCourse => course !== undefined)
      .map((course) => structuredClone(course));
  }
}
