import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { Enrollment, EnrollmentState } from '../domain/enrollment';

/** An enrollment as written, with the events its change publishes (rule 1: in the same write). */
export interface EnrollmentWithEvents {
  enrollment: Enrollment;
  outbox: readonly OutboxEntry[];
}

/** What a list of enrollments keeps; every field narrows. */
export interface EnrollmentFilter {
  courseId?: string;
  userId?: string;
  sessionId?: string;
  state?: EnrollmentState;
}

/**
 * Enrollments of one tenant at a time: every method takes the tenant id, and an enrollment of
 * another tenant, or unenrolled, is not found. Each write stores the enrollment and its events
 * in one single-document write.
 */
export interface EnrollmentRepository {
  /**
   * Inserts a new enrollment with its events, and has them published; false (nothing
   * written) when the learner is enrolled in the course already.
   */
  insert(created: EnrollmentWithEvents): Promise<boolean>;
  /**
   * Inserts, in one bulk write, each new enrollment of the tenant whose learner is not enrolled
   * in the course yet, with its events, and has them published; returns the ids of those
   * inserted (the others are left as they are, nothing written for them).
   */
  insertManyIfAbsent(tenantId: string, created: readonly EnrollmentWithEvents[]): Promise<string[]>;
  findById(tenantId: string, id: string): Promise<Enrollment | null>;
  /** The enrollments of these ids that are live in the tenant (unknown, unenrolled and other tenants' left out). */
  findMany(tenantId: string, ids: readonly string[]): Promise<Enrollment[]>;
  /** The learner's enrollment in a course. */
  findOf(tenantId: string, courseId: string, userId: string): Promise<Enrollment | null>;
  /** Enrollments in creation order. */
  list(tenantId: string, filter: EnrollmentFilter, page: PageRequest): Promise<Page<Enrollment>>;
  /**
   * Replaces an enrollment by its next state, with its events, if it is still at
   * `expectedVersion`; false otherwise (nothing written).
   */
  save(tenantId: string, changed: EnrollmentWithEvents, expectedVersion: number): Promise<boolean>;
  /**
   * Unenrolls if the enrollment is still at `expectedVersion`, writing its last events with it;
   * false otherwise. The learner may enroll in the course again afterwards.
   */
  delete(tenantId: string, last: EnrollmentWithEvents, expectedVersion: number): Promise<boolean>;
}

export const ENROLLMENT_REPOSITORY = Symbol('ENROLLMENT_REPOSITORY');
