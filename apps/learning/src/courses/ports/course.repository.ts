import type { Page, PageRequest } from '@lms/kernel';
import type { Course } from '../domain/course';

/** Courses of one tenant at a time: every method takes the tenant id. */
export interface CourseRepository {
  /** Courses in creation order. */
  list(tenantId: string, page: PageRequest): Promise<Page<Course>>;
}

export const COURSE_REPOSITORY = Symbol('COURSE_REPOSITORY');
