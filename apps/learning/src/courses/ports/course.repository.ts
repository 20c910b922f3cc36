import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { Course, CourseKind, CourseState } from '../domain/course';
import type { CatalogReader } from '../domain/course-access';

/** A course as written, with the events its change publishes (rule 1: in the same write). */
export interface CourseWithEvents {
  course: Course;
  outbox: readonly OutboxEntry[];
}

/** What a list of courses keeps; every field narrows. */
export interface CourseFilter {
  state?: CourseState;
  kind?: CourseKind;
  authorId?: string;
}

/**
 * Courses of one tenant at a time: every method takes the tenant id, and a course of another
 * tenant is not found. Each write stores the course and its events in one single-document write.
 */
export interface CourseRepository {
  /** Inserts a new course with its events, and has them published. */
  insert(created: CourseWithEvents): Promise<void>;
  findById(tenantId: string, id: string): Promise<Course | null>;
  /** Courses in creation order. */
  list(tenantId: string, filter: CourseFilter, page: PageRequest): Promise<Page<Course>>;
  /** The published courses `reader` sees, in creation order, optionally of one kind. */
  listCatalog(
    tenantId: string,
    reader: CatalogReader,
    kind: CourseKind | undefined,
    page: PageRequest,
  ): Promise<Page<Course>>;
  /** The courses `userId` authors or holds a role in (LE-C2), in creation order. */
  listWithUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<Course>>;
  /**
   * Replaces a course by its next state, with its events, if it is still at `expectedVersion`;
   * false otherwise (nothing written).
   */
  save(tenantId: string, changed: CourseWithEvents, expectedVersion: number): Promise<boolean>;
  /** Deletes a course for good if it is still at `expectedVersion`; false otherwise. */
  delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean>;
}

export const COURSE_REPOSITORY = Symbol('COURSE_REPOSITORY');
