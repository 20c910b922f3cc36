import { managesCourses, type CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from './enrollment';

/**
 * LE-E3: administrators (System and Application Administrators, superadmins) and power users
 * manage every enrollment of their tenant: they enroll anyone, change states and unenroll.
 * Instructors never enroll (seed 004; no instructor role exists yet). Managers enrolling their
 * managees wait for manager relations, which learning does not know yet.
 */
export function managesEnrollments(actor: CourseActor): boolean {
  return managesCourses(actor);
}

/**
 * Who enrolls `userId`: those who manage enrollments anyone; a learner itself only, in a
 * published course of its catalog (checked apart).
 */
export function mayEnroll(actor: CourseActor, userId: string): boolean {
  return managesEnrollments(actor) || actor.userId === userId;
}

/** Who reads, or unenrolls, an enrollment: those who manage enrollments, and its learner. */
export function mayReadEnrollment(actor: CourseActor, enrollment: Pick<Enrollment, 'userId'>): boolean {
  return managesEnrollments(actor) || (actor.userId !== null && actor.userId === enrollment.userId);
}

/** What a list of enrollments shows a caller; null: nothing. */
export type EnrollmentListScope = { userId?: string } | null;

/** Those who manage enrollments list the tenant's; anyone else its own. */
export function enrollmentListScope(actor: CourseActor): EnrollmentListScope {
  if (managesEnrollments(actor)) return {};
  return actor.userId === null ? null : { userId: actor.userId };
}
