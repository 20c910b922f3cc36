import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { CourseSession } from '../domain/course-session';

/** A session as written, with the events its change publishes (rule 1: in the same write). */
export interface CourseSessionWithEvents {
  session: CourseSession;
  outbox: readonly OutboxEntry[];
}

/**
 * Sessions of instructor-led courses, one tenant at a time: a session of another tenant or
 * of another course is not found, nor is a cancelled one. Each write stores the session and
 * its events in one single-document write.
 */
export interface CourseSessionRepository {
  /** Inserts a new session with its events, and has them published. */
  insert(created: CourseSessionWithEvents): Promise<void>;
  findById(tenantId: string, courseId: string, id: string): Promise<CourseSession | null>;
  /** A course's sessions, soonest first (ties by id). */
  list(tenantId: string, courseId: string, page: PageRequest): Promise<Page<CourseSession>>;
  /** Replaces a session, with its events, if it is still at `expectedVersion`; false otherwise (nothing written). */
  save(tenantId: string, changed: CourseSessionWithEvents, expectedVersion: number): Promise<boolean>;
  /**
   * Cancels a session for good, with its events, if it is still at `expectedVersion`; false
   * otherwise. It is not found any more; its events are still published.
   */
  delete(tenantId: string, cancelled: CourseSessionWithEvents, expectedVersion: number): Promise<boolean>;
  /** Deletes every session of a course (a deleted draft's), without events. */
  deleteAllOf(tenantId: string, courseId: string): Promise<void>;
}

export const COURSE_SESSION_REPOSITORY = Symbol('COURSE_SESSION_REPOSITORY');
