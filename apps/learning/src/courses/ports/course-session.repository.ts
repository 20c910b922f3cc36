import type { Page, PageRequest } from '@lms/kernel';
import type { CourseSession } from '../domain/course-session';

/**
 * Sessions of instructor-led courses, one tenant at a time: a session of another tenant or
 * of another course is not found.
 */
export interface CourseSessionRepository {
  insert(session: CourseSession): Promise<void>;
  findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null>;
  /** A course's sessions, soonest first (ties by id). */
  list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>>;
  /** Replaces a session if it is still at `expectedVersion`; false otherwise (nothing written). */
  save(tenantId: string, changed: CourseSession, expectedVersion: number): Promise<boolean>;
  /** Deletes a session for good if it is still at `expectedVersion`; false otherwise. */
  delete(tenantId: string, courseId: string, id: string, expectedVersion: number): Promise<boolean>;
  /** Deletes every session of a course (a deleted draft's). */
  deleteAllOf(tenantId: string, courseId: string): Promise<void>;
}

export const COURSE_SESSION_REPOSITORY = Symbol('COURSE_SESSION_REPOSITORY');
