import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CatalogCourse, CatalogCourseChange } from '../domain/catalog-course';

/** The courses coaching keeps from learning's courses stream. Every query is scoped by tenant. */
export interface CatalogCourseRepository {
  /**
   * Applies course events in bulk (rule 8), keeping version order per course: for each change,
   * 'applied' when it was newer than what the projection held (and than the changes of the
   * same course before it), 'stale' otherwise (and it changed nothing); in the order of
   * `changes`. A batch may hold several versions of one course; the projection ends at the
   * newest.
   */
  applyMany(changes: readonly CatalogCourseChange[]): Promise<ProjectionOutcome[]>;
  /** The course; null when the projection never saw it in this tenant. */
  find(tenantId: string, courseId: string): Promise<CatalogCourse | null>;
  /** The courses of the tenant the projection holds among `courseIds`, in no order. */
  findMany(tenantId: string, courseIds: readonly string[]): Promise<CatalogCourse[]>;
}

export const CATALOG_COURSE_REPOSITORY = Symbol('CATALOG_COURSE_REPOSITORY');
