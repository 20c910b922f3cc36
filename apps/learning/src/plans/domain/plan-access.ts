import { managesCourses, type CourseActor } from '../../courses/domain/course-access';

/**
 * LE-P1: who makes plans and enrolls learners in them: those who manage courses (System and
 * Application Administrators, superadmins, power users). Learners read their own plans.
 */
export function managesPlans(actor: CourseActor): boolean {
  return managesCourses(actor);
}
