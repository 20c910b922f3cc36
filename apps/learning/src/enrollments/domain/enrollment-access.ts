import { administersTenant } from '@lms/contracts';
import type { Course } from '../../courses/domain/course';
import { holdsRoleIn, managesCourses, type CourseActor } from '../../courses/domain/course-access';
import type { Enrollment } from './enrollment';

/** What of a course decides who teaches it. */
type CourseCrew = Pick<Course, 'authorId' | 'roles'>;

/**
 * LE-E3: administrators (System and Application Administrators, superadmins) manage every
 * enrollment of their tenant: they enroll anyone, change states and unenroll. Power users do
 * so within their scope only (see LearnerReach); instructors never enroll (seed 004; see
 * mayEnrollIn).
 */
export function managesEnrollments(actor: CourseActor): boolean {
  return administersTenant(actor);
}

/**
 * How far an actor's hand reaches over one other learner's enrollments, beside administrators
 * and the learner itself (LE-E3):
 * - `scope`: a power user whose permission profile holds `enrollments.manage` and whose scope
 *   holds a group the learner is a member of (ID-U2): enrolls the learner, reads, changes and
 *   ends its enrollments;
 * - `manager`: a manager of the learner (ID-G4): enrolls it, reads and ends its enrollments;
 * - `none`.
 */
export type LearnerReach = 'scope' | 'manager' | 'none';

/**
 * Who enrolls `userId`: those who manage enrollments anyone; a power user or a manager who
 * reaches the learner; a learner itself only, in a published course of its catalog (checked
 * apart).
 */
export function mayEnroll(actor: CourseActor, userId: string, reach: LearnerReach = 'none'): boolean {
  return managesEnrollments(actor) || actor.userId === userId || reach !== 'none';
}

/**
 * LE-C2 (seed 004: "instructors cannot enroll users"): whoever may enroll `userId` otherwise,
 * unless it is an instructor of the course enrolling someone else, even an administrator.
 */
export function mayEnrollIn(
  actor: CourseActor,
  userId: string,
  course: CourseCrew,
  reach: LearnerReach = 'none',
): boolean {
  if (!mayEnroll(actor, userId, reach)) return false;
  return actor.userId === userId || !holdsRoleIn(actor, course, 'instructor');
}

/**
 * Who reads, or unenrolls, an enrollment: those who manage enrollments, its learner, and those
 * who reach the learner (a power user of its scope, its manager).
 */
export function mayReadEnrollment(
  actor: CourseActor,
  enrollment: Pick<Enrollment, 'userId'>,
  reach: LearnerReach = 'none',
): boolean {
  return (
    managesEnrollments(actor) ||
    (actor.userId !== null && actor.userId === enrollment.userId) ||
    reach !== 'none'
  );
}

/** Who sets an enrollment's state by hand: those who manage enrollments, and a power user of its learner's scope. */
export function mayChangeEnrollment(actor: CourseActor, reach: LearnerReach = 'none'): boolean {
  return managesEnrollments(actor) || reach === 'scope';
}

/** What a list of enrollments shows a caller; null: nothing. */
export type EnrollmentListScope = { userId?: string; courseId?: string } | null;

/**
 * Those who manage enrollments list the tenant's; one who reaches the learner the list is
 * filtered by (a power user of its scope, its manager) that learner's; an instructor of
 * `course` (the course the list is filtered by, LE-C2) that course's; anyone else its own.
 */
export function enrollmentListScope(
  actor: CourseActor,
  filtered: {
    course?: CourseCrew & Pick<Course, 'id'>;
    learner?: { userId: string; reach: LearnerReach };
  } = {},
): EnrollmentListScope {
  const { course, learner } = filtered;
  if (managesEnrollments(actor)) return {};
  if (learner && learner.reach !== 'none') return { userId: learner.userId };
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
