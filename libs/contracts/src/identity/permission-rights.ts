/**
 * The administrative rights a power user's permission profile can hold (ID-U2): each a subset
 * of what those who manage every user may do. Declared here, not in identity alone, because
 * the service owning each right enforces it: identity the `users.*` rights, coaching
 * `assignments.manage`, learning `enrollments.manage`.
 */
export const PERMISSION_RIGHTS = [
  /** Read the plain users of the power user's scope. */
  'users.read',
  /** Edit their names, locale, time zone and custom fields. */
  'users.update_profile',
  /** Activate and deactivate them. */
  'users.change_state',
  /**
   * Be a platform coach (ID-G2): see the groups marked `public` and every member of them,
   * beside the groups where it holds the group role `coach`.
   */
  'groups.coach',
  /** Manage the coach assignments of the scope (coaching; not enforced yet). */
  'assignments.manage',
  /**
   * Enroll the users of the scope in courses, plans and, for a group of the scope, as a group;
   * read, change and end their enrollments (learning, LE-E3).
   */
  'enrollments.manage',
] as const;
export type PermissionRight = (typeof PERMISSION_RIGHTS)[number];

export function isPermissionRight(right: string): right is PermissionRight {
  return (PERMISSION_RIGHTS as readonly string[]).includes(right);
}
