import type { CourseRole } from '@lms/contracts';
import type { Course } from './course';

export { COURSE_ROLES, type CourseRole } from '@lms/contracts';

/** The roles granted one user at a time; the author's is handed on (transferAuthorship) instead. */
export const GRANTABLE_COURSE_ROLES = ['co_author', 'reviewer', 'instructor', 'tutor'] as const;
export type GrantableCourseRole = (typeof GRANTABLE_COURSE_ROLES)[number];

/** How many role entries a course holds at most, so that it stays one small document. */
export const MAX_COURSE_ROLES = 200;

/** One user holding one role in a course; a user may hold several. */
export interface CourseRoleHolder {
  userId: string;
  role: GrantableCourseRole;
}

/** Whether `role` is granted through the roles' route (the author's is transferred). */
export function isGrantable(role: CourseRole): role is GrantableCourseRole {
  return (GRANTABLE_COURSE_ROLES as readonly string[]).includes(role);
}

/** Whether `userId` holds `role` in the course (the author holds `author`). */
export function holdsCourseRole(
  course: Pick<Course, 'authorId' | 'roles'>,
  userId: string | null,
  role: CourseRole,
): boolean {
  if (userId === null) return false;
  if (role === 'author') return course.authorId === userId;
  return course.roles.some((holder) => holder.userId === userId && holder.role === role);
}

/** Why a role cannot be granted. */
export type GrantProblem =
  | 'author_not_grantable'
  | 'course_archived'
  | 'reviewer_needs_published'
  | 'co_author_needs_author_role'
  | 'too_many';

/** What is known of the user beside the course: whether it holds `author` in some group. */
export interface GranteeFacts {
  holdsGroupAuthorRole: boolean;
}

export type RoleChange =
  | { ok: true; changed: false }
  | { ok: true; changed: true; course: Course }
  | { ok: false; problem: GrantProblem };

/** The course changed `now`, at its next version. */
function touched(course: Course, roles: CourseRoleHolder[], now: Date): Course {
  return { ...course, roles, updatedAt: now, version: course.version + 1 };
}

/**
 * LE-C2 (seeds 003, 004): grants `role` to `userId`. The author's role is transferred, never
 * granted; an archived course is history; a reviewer proofreads a published course only; a
 * co-author holds the author role in at least one group. A role held already changes nothing.
 */
export function grantCourseRole(
  course: Course,
  grant: { userId: string; role: CourseRole },
  facts: GranteeFacts,
  now: Date,
): RoleChange {
  const { userId, role } = grant;
  if (!isGrantable(role)) return { ok: false, problem: 'author_not_grantable' };
  if (course.state === 'archived') return { ok: false, problem: 'course_archived' };
  if (holdsCourseRole(course, userId, role)) return { ok: true, changed: false };
  if (role === 'reviewer' && course.state !== 'published')
    return { ok: false, problem: 'reviewer_needs_published' };
  if (role === 'co_author' && !facts.holdsGroupAuthorRole)
    return { ok: false, problem: 'co_author_needs_author_role' };
  if (course.roles.length >= MAX_COURSE_ROLES) return { ok: false, problem: 'too_many' };
  return { ok: true, changed: true, course: touched(course, [...course.roles, { userId, role }], now) };
}

/**
 * LE-C2: revokes `role` from `userId`. The author's role is transferred, never revoked; an
 * archived course is history; a role not held changes nothing.
 */
export function revokeCourseRole(
  course: Course,
  revoke: { userId: string; role: CourseRole },
  now: Date,
): RoleChange {
  const { userId, role } = revoke;
  if (!isGrantable(role)) return { ok: false, problem: 'author_not_grantable' };
  if (course.state === 'archived') return { ok: false, problem: 'course_archived' };
  if (!holdsCourseRole(course, userId, role)) return { ok: true, changed: false };
  const roles = course.roles.filter((holder) => !(holder.userId === userId && holder.role === role));
  return { ok: true, changed: true, course: touched(course, roles, now) };
}

/**
 * LE-C2: hands the authorship on to `userId`; the previous author keeps nothing unless granted
 * a role. Handing it to the author itself changes nothing; an archived course is history.
 */
export function transferAuthorship(
  course: Course,
  userId: string,
  now: Date,
):
  | { ok: true; changed: false }
  | { ok: true; changed: true; course: Course }
  | { ok: false; problem: 'course_archived' } {
  if (course.state === 'archived') return { ok: false, problem: 'course_archived' };
  if (course.authorId === userId) return { ok: true, changed: false };
  return {
    ok: true,
    changed: true,
    course: { ...course, authorId: userId, updatedAt: now, version: course.version + 1 },
  };
}

/**
 * The course once `userId`'s account is gone (seed 003: the course stays, visible and
 * editable): its authorship left to nobody (`authorId` null, the course is then managed by
 * administrators and power users) and every role it held dropped. The roles it lost, author
 * first, for their events; null when it held nothing. An archived course is changed too: the
 * account no longer exists.
 */
export function withoutUser(
  course: Course,
  userId: string,
  now: Date,
): { course: Course; lost: CourseRole[] } | null {
  const lost: CourseRole[] = [
    ...(course.authorId === userId ? (['author'] as const) : []),
    ...course.roles.filter((holder) => holder.userId === userId).map((holder) => holder.role),
  ];
  if (lost.length === 0) return null;
  return {
    course: {
      ...course,
      authorId: course.authorId === userId ? null : course.authorId,
      roles: course.roles.filter((holder) => holder.userId !== userId),
      updatedAt: now,
      version: course.version + 1,
    },
    lost,
  };
}
