import type { Course } from '../domain/course';
import { isEditable } from '../domain/course-lifecycle';
import { CourseArchivedError, SessionCourseNotIltError } from '../courses.errors';
import type { CourseRepository } from '../ports/course.repository';
import { openCourseToEdit, type CourseTarget } from './open-course';

/** Sessions are an instructor-led course's only (LE-C1). */
export function assertIlt(course: Course): void {
  if (course.kind !== 'ilt') throw new SessionCourseNotIltError(course.id);
}

/**
 * The instructor-led course whose sessions `actor` changes: one it may edit (404, then 403),
 * instructor-led (`SESSION.COURSE_NOT_ILT`) and not archived (`COURSE.ARCHIVED`).
 */
export async function openCourseToScheduleSessions(
  courses: CourseRepository,
  target: CourseTarget,
): Promise<Course> {
  const course = await openCourseToEdit(courses, target);
  assertIlt(course);
  if (!isEditable(course)) throw new CourseArchivedError(course.id);
  return course;
}
