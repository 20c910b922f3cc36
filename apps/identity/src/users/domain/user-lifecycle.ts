import type { AdminRole, PlatformLevel } from '@lms/contracts';
import { normalizeEmail } from '@lms/kernel';
import { ADMIN_ROLES, type Locale, type PowerUserScope, type StateBeforeExpiry, type User } from './user';

/** What an administrator does to a user's state (ID-U3, ID-U5). */
export const STATE_ACTIONS = ['activate', 'deactivate'] as const;
export type StateAction = (typeof STATE_ACTIONS)[number];

/** What a change decided: the user at its next version, or nothing to write. */
export type UserChange = { outcome: 'changed'; user: User } | { outcome: 'unchanged' };

/** A state change an expired account refuses: only moving its expiry restores it (ID-U3). */
export type StateChange = UserChange | { outcome: 'expired' };

/** The user at its next version, changed at `now`. */
function next(user: User, fields: Partial<User>, now: Date): UserChange {
  return { outcome: 'changed', user: { ...user, ...fields, updatedAt: now, version: user.version + 1 } };
}

/** The state an account returns to: what it had before it expired, else what its history says. */
function restoredState(user: User): StateBeforeExpiry {
  return user.stateBeforeExpiry ?? (user.firstAccessAt === null ? 'activated' : 'active');
}

function isDue(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/** ID-U3: deactivated by an administrator, immediately, its data kept. */
export function deactivateUser(user: User, now: Date): StateChange {
  if (user.state === 'expired') return { outcome: 'expired' };
  if (user.state === 'deactivated') return { outcome: 'unchanged' };
  return next(user, { state: 'deactivated' }, now);
}

/** ID-U3: activated again: `active` if it ever opened a course, else `activated`. */
export function activateUser(user: User, now: Date): StateChange {
  if (user.state === 'expired') return { outcome: 'expired' };
  if (user.state !== 'deactivated') return { outcome: 'unchanged' };
  return next(user, { state: user.firstAccessAt === null ? 'activated' : 'active' }, now);
}

/** ID-U3: an account whose expiry has passed becomes `expired`, remembering the state it had. */
export function expireIfDue(user: User, now: Date): UserChange {
  if (user.state === 'expired' || user.deletedAt !== null || !isDue(user.expiresAt, now))
    return { outcome: 'unchanged' };
  return next(user, { state: 'expired', stateBeforeExpiry: user.state }, now);
}

/**
 * ID-U3: the first time the user opens a course it becomes `active` (once); an account that is
 * deactivated or expired keeps its state and returns to `active` when it is restored.
 */
export function recordFirstCourseAccess(user: User, at: Date, now: Date): UserChange {
  if (user.firstAccessAt !== null || user.deletedAt !== null) return { outcome: 'unchanged' };
  if (user.state === 'activated') return next(user, { firstAccessAt: at, state: 'active' }, now);
  if (user.state === 'expired' && user.stateBeforeExpiry === 'activated')
    return next(user, { firstAccessAt: at, stateBeforeExpiry: 'active' }, now);
  return next(user, { firstAccessAt: at }, now);
}

/** What an administrator may change of an account; an absent field is left as it is. */
export interface UserChanges {
  firstName?: string;
  lastName?: string;
  locale?: Locale;
  timezone?: string;
  customFields?: Record<string, string>;
  level?: PlatformLevel;
  expiresAt?: Date | null;
  passwordHash?: string;
  powerUserScope?: PowerUserScope | null;
  permissionProfile?: string | null;
}

/** Whether two plain values (strings, dates, records, arrays of them) are the same, whatever the order of keys. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * ID-U1, ID-U2, ID-U3: applies an administrator's changes. An expiry in the past expires the
 * account now; an expiry moved to the future (or removed) restores the state the account had
 * before it expired, never straight to `active`. No difference: nothing to write.
 */
export function applyUserChanges(user: User, changes: UserChanges, now: Date): UserChange {
  const fields: Partial<User> = {};
  for (const [key, value] of Object.entries(changes) as Array<[keyof UserChanges, unknown]>) {
    if (value === undefined) continue;
    const trimmed = typeof value === 'string' && key !== 'passwordHash' ? value.trim() : value;
    if (!same(user[key], trimmed)) Object.assign(fields, { [key]: trimmed });
  }
  if (Object.keys(fields).length === 0) return { outcome: 'unchanged' };

  const expiresAt = 'expiresAt' in fields ? (fields.expiresAt ?? null) : user.expiresAt;
  if (user.state === 'expired' && !isDue(expiresAt, now)) {
    fields.state = restoredState(user);
    fields.stateBeforeExpiry = null;
  } else if (user.state !== 'expired' && isDue(expiresAt, now)) {
    fields.state = 'expired';
    fields.stateBeforeExpiry = user.state;
  }
  return next(user, fields, now);
}

/**
 * The account deleted: a tombstone that keeps its data and state, found by nobody. Its email
 * is free again: the unique key it held becomes one no email can have.
 */
export function markUserDeleted(user: User, now: Date): User {
  return {
    ...user,
    emailNormalized: `${normalizeEmail(user.email)}#deleted:${user.id}`,
    deletedAt: now,
    updatedAt: now,
    version: user.version + 1,
  };
}

/** The account with exactly these administrative roles (in canonical order); null when it has them. */
export function withAdminRoles(user: User, roles: readonly AdminRole[], now: Date): User | null {
  const canonical = ADMIN_ROLES.filter((role) => roles.includes(role));
  if (
    same(
      canonical,
      ADMIN_ROLES.filter((role) => user.adminRoles.includes(role)),
    )
  )
    return null;
  return { ...user, adminRoles: canonical, updatedAt: now, version: user.version + 1 };
}
