import type { Course } from '../domain/course';
import { mayEditCourse, mayReadCourse, readingNeedsGroups, type CourseActor } from '../domain/course-access';
import { CourseForbiddenError, CourseNotFoundError, CourseRoleForbiddenError } from '../courses.errors';
import type { CourseRepository } from '../ports/course.repository';
import type { GroupMembershipRepository } from '../../memberships/ports/group-membership.repository';

/** Which course an actor reads or changes. */
export interface CourseTarget {
  tenantId: string;
  id: string;
  actor: CourseActor;
}

/**
 * The course `actor` may change: a course unknown to the tenant (another tenant's, or
 * deleted) is not found (404) before anyone's rights are weighed; a refusal is 403.
 */
export async function openCourseToEdit(courses: CourseRepository, target: CourseTarget): Promise<Course> {
  const course = await courses.findById(target.tenantId, target.id);
  if (!course) throw new CourseNotFoundError(target.id);
  if (!mayEditCourse(target.actor, course)) throw new CourseForbiddenError(course.id);
  return course;
}

/**
 * The course whose roles `actor` works on, when `allowed` (a rule of course-access.ts) admits
 * it: unknown to the tenant is not found (404) first; a refusal is 403 `COURSE_ROLE.FORBIDDEN`.
 */
export async function openCourseForRoles(
  courses: CourseRepository,
  target: CourseTarget,
  allowed: (actor: CourseActor, course: Course) => boolean,
): Promise<Course> {
  const course = await courses.findById(target.tenantId, target.id);
  if (!course) throw new CourseNotFoundError(target.id);
  if (!allowed(target.actor, course)) throw new CourseRoleForbiddenError(course.id);
  return course;
}

/**
 * The course `actor` may read: those who may edit it read it in any state, anyone else a
 * published course of its catalog. The actor's groups are looked up only when they decide.
 */
export async function openCourseToRead(
  courses: CourseRepository,
  memberships: GroupMembershipRepository,
  target: CourseTarget,
): Promise<Course> {
  const { tenantId, actor } = target;
  const course = await courses.findById(tenantId, target.id);
  if (!course) throw new CourseNotFoundError(target.id);
  const memberOf =
    readingNeedsGroups(actor, course) && actor.userId !== null
      ? await memberships.groupsOf(tenantId, actor.userId)
      : [];
  if (!mayReadCourse(actor, course, memberOf)) throw new CourseForbiddenError(course.id);
  return course;
}
