import type { Course } from '../../courses/domain/course';
import { holdsRoleIn, managesCourses, type CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from './enrollment';

/** What of a course decides who teaches it. */
type CourseCrew = Pick<Course, 'authorId' | 'roles'>;

/**
 * LE-E3: administrators (System and Application Administrators, superadmins) and power users
 * manage every enrollment of their tenant: they enroll anyone, change states and unenroll.
 * Instructors never enroll (seed 004; see mayEnrollIn). Managers enroll their managees.
 */
export function managesEnrollments(actor: CourseActor): boolean {
  return managesCourses(actor);
}

/**
 * Who enrolls `userId`: those who manage enrollments anyone; a manager its managees
 * (`managesLearner`: the actor manages `userId`, ID-G4); a learner itself only, in a published
 * course of its catalog (checked apart).
 */
export function mayEnroll(actor: CourseActor, userId: string, managesLearner = false): boolean {
  return managesEnrollments(actor) || actor.userId === userId || managesLearner;
}

/**
 * LE-C2 (seed 004: "instructors cannot enroll users"): whoever may enroll `userId` otherwise,
 * unless it is an instructor of the course enrolling someone else, even an administrator.
 */
export function mayEnrollIn(
  actor: CourseActor,
  userId: string,
  course: CourseCrew,
  managesLearner = false,
): boolean {
  if (!mayEnroll(actor, userId, managesLearner)) return false;
  return actor.userId === userId || !holdsRoleIn(actor, course, 'instructor');
}

/** Who reads, or unenrolls, an enrollment: those who manage enrollments, and its learner. */
export function mayReadEnrollment(actor: CourseActor, enrollment: Pick<Enrollment, 'userId'>): boolean {
  return managesEnrollments(actor) || (actor.userId !== null && actor.userId === enrollment.userId);
}

/** What a list of enrollments shows a caller; null: nothing. */
export type EnrollmentListScope = { userId?: string; courseId?: string } | null;

/**
 * Those who manage enrollments list the tenant's; an instructor of `course` (the course the
 * list is filtered by, LE-C2) that course's; anyone else its own.
 */
export function enrollmentListScope(
  actor: CourseActor,
  course?: CourseCrew & Pick<Course, 'id'>,
): EnrollmentListScope {
  if (managesEnrollments(actor)) return {};
  if (course && holdsRoleIn(actor, course, 'instructor')) return { courseId: course.id };
  return actor.userId === null ? null : { userId: actor.userId };
}

/**
 * LE-C2 (seed 004: instructors "keep track of attendance and grade the learners of classroom
 * courses"): who marks attendance and grades in a course's sessions, and lists them: the
 * course's instructors, and those who manage courses (administrators, power users). Its
 * author, co-authors, tutors and learners do not.
 */
export function mayMarkAttendance(actor: CourseActor, course: CourseCrew): boolean {
  return managesCourses(actor) || holdsRoleIn(actor, course, 'instructor');
}
