import { administersTenant, callerKindOf, reaches } from '@lms/contracts';
import type { Course } from './course';
import { holdsCourseRole, type CourseRole } from './course-roles';

/** What of a course decides who works on it: its author and its other role holders. */
type CourseCrew = Pick<Course, 'authorId' | 'roles'>;

/** Who asks: the tenant it acts in, its account, its platform level and administrative roles. */
export interface CourseActor {
  tenantId: string;
  /** Null only for a caller without an account, who authors nothing. */
  userId: string | null;
  level: string;
  roles: readonly string[];
}

/**
 * LE-C1: creates and edits any course of its tenant: a System or Application Administrator,
 * a superadmin, or a power user (seed 004: power users manage courses).
 */
export function managesCourses(actor: CourseActor): boolean {
  return reaches(callerKindOf(actor), 'power_user');
}

/** The author of a course: the account that created it. */
export function isAuthorOf(actor: CourseActor, course: Pick<Course, 'authorId'>): boolean {
  return actor.userId !== null && course.authorId === actor.userId;
}

/** Who creates a course: those who manage courses; it becomes their course (its author). */
export function mayCreateCourse(actor: CourseActor): boolean {
  return managesCourses(actor);
}

/** Whether the actor holds `role` in the course (LE-C2). */
export function holdsRoleIn(actor: CourseActor, course: CourseCrew, role: CourseRole): boolean {
  return holdsCourseRole(course, actor.userId, role);
}

/**
 * Who edits a course (its details, state, sessions, or deletes a draft): those who manage
 * courses, its author, and (LE-C2) its co-authors and instructors, who edit its content.
 */
export function mayEditCourse(actor: CourseActor, course: CourseCrew): boolean {
  return managesCourses(actor) || (actor.userId !== null && editorsOf(course).includes(actor.userId));
}

/** The roles whose holders edit a course's content beside its author (LE-C2, seed 004). */
export const EDITING_ROLES: readonly CourseRole[] = ['co_author', 'instructor'];

/** Who edits a course beside those who manage courses: its author, co-authors and instructors, once each. */
export function editorsOf(course: CourseCrew): string[] {
  const holders = course.roles.filter((h) => EDITING_ROLES.includes(h.role)).map((h) => h.userId);
  return [...new Set([...(course.authorId === null ? [] : [course.authorId]), ...holders])];
}

/**
 * LE-C2 (seed 003): who grants and revokes `role` in a course: those who manage courses and
 * its author any role; a co-author other co-authors and reviewers (seed 003: "add other
 * Co-Authors or Reviewers to the course").
 */
export function mayChangeCourseRole(actor: CourseActor, course: CourseCrew, role: CourseRole): boolean {
  if (managesCourses(actor) || isAuthorOf(actor, course)) return true;
  return holdsRoleIn(actor, course, 'co_author') && (role === 'co_author' || role === 'reviewer');
}

/** LE-C2: who hands a course's authorship on: those who manage courses, and its author. */
export function mayTransferAuthorship(actor: CourseActor, course: CourseCrew): boolean {
  return managesCourses(actor) || isAuthorOf(actor, course);
}

/** LE-C2: who reads a course's roles: whoever may edit it. */
export function mayReadCourseRoles(actor: CourseActor, course: CourseCrew): boolean {
  return mayEditCourse(actor, course);
}

/** Whether a course is offered to members of `memberOf`: no groups means every user of the tenant. */
export function offeredTo(course: Pick<Course, 'groupIds'>, memberOf: readonly string[]): boolean {
  return course.groupIds.length === 0 || course.groupIds.some((groupId) => memberOf.includes(groupId));
}

/**
 * Who reads a course: whoever may edit it and its reviewers (LE-C2), in any state; anyone else a published course
 * offered to a group it belongs to (or to everyone), as the catalog shows it. Decide with no
 * groups first: the caller's groups are looked up only when they could change the answer
 * ({@link readingNeedsGroups}).
 */
export function mayReadCourse(
  actor: CourseActor,
  course: CourseCrew & Pick<Course, 'state' | 'groupIds'>,
  memberOf: readonly string[],
): boolean {
  if (mayEditCourse(actor, course) || holdsRoleIn(actor, course, 'reviewer')) return true;
  return course.state === 'published' && offeredTo(course, memberOf);
}

/** Whether deciding to read a course needs the caller's groups. */
export function readingNeedsGroups(
  actor: CourseActor,
  course: CourseCrew & Pick<Course, 'state' | 'groupIds'>,
): boolean {
  return !mayReadCourse(actor, course, []) && course.state === 'published' && actor.userId !== null;
}

/** What a list of courses (`GET /v1/courses`) shows a caller; null: nothing. */
export type CourseListScope = { authorId?: string } | null;

/**
 * Those who manage courses list every course of the tenant, in every state; anyone else the
 * courses it authored (learners find courses in the catalog).
 */
export function courseListScope(actor: CourseActor): CourseListScope {
  if (managesCourses(actor)) return {};
  return actor.userId === null ? null : { authorId: actor.userId };
}

/** Whose catalog is read: every published course, or those offered to these groups (or to everyone). */
export type CatalogReader = { everything: true } | { everything: false; memberOf: readonly string[] };

/** LE-C1: administrators see every published course in the catalog; anyone else those offered to it. */
export function catalogSeesEverything(actor: CourseActor): boolean {
  return administersTenant(actor);
}
