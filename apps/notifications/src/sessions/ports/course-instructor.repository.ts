import type { CourseInstructor } from '../domain/course-instructor';

/** Who teaches which course: one row per course and user, newest version kept. */
export interface CourseInstructorRepository {
  /** Applies a batch of instructor grants and revocations: per row the newest one; a stale one changes nothing. */
  applyMany(changes: readonly CourseInstructor[]): Promise<void>;
  /** The instructors of each of these courses of one tenant, by course id (each once). */
  instructorsOf(tenantId: string, courseIds: readonly string[]): Promise<Map<string, string[]>>;
}

export const COURSE_INSTRUCTOR_REPOSITORY = Symbol('COURSE_INSTRUCTOR_REPOSITORY');
