import type { UserState } from '@lms/contracts';
import type { CoachingUser } from './coaching-user';

/** The states in which a user may coach or be coached (ID-U3). */
export const ASSIGNABLE_STATES: readonly UserState[] = ['activated', 'active'];

/**
 * Why a user may not be assigned as a coach or a mentee: never seen on the users stream (or
 * without a known state), deleted, deactivated, or expired.
 */
export const UNASSIGNABLE_REASONS = ['unknown', 'deleted', 'deactivated', 'expired'] as const;
export type UnassignableReason = (typeof UNASSIGNABLE_REASONS)[number];

/**
 * Why `user` (null: not in the projection) may not be assigned as a coach or a mentee at `now`,
 * or null when it may: it must be known, not deleted, and `activated` or `active`. An account
 * expires at its `expiresAt` even before the event that says so, as identity decides sign-in
 * (`apps/identity/src/auth/domain/account-standing.ts`).
 */
export function whyUnassignable(user: CoachingUser | null, now: Date): UnassignableReason | null {
  if (user === null) return 'unknown';
  if (user.deleted) return 'deleted';
  if (user.state === 'deactivated') return 'deactivated';
  if (user.state === 'expired') return 'expired';
  if (user.expiresAt !== null && user.expiresAt.getTime() <= now.getTime()) return 'expired';
  return user.state !== null && ASSIGNABLE_STATES.includes(user.state) ? null : 'unknown';
}

/**
 * The users of `userIds` that may not be assigned at `now`, each with its reason, in the order
 * asked (once each), given what the projection found of them (`found`, of any order; a user
 * missing from it is unknown). Empty when every one of them may be assigned.
 */
export function unassignableAmong(
  userIds: readonly string[],
  found: readonly CoachingUser[],
  now: Date,
): Array<{ userId: string; reason: UnassignableReason }> {
  const byId = new Map(found.map((user) => [user.userId, user]));
  return [...new Set(userIds)].flatMap((userId) => {
    const reason = whyUnassignable(byId.get(userId) ?? null, now);
    return reason === null ? [] : [{ userId, reason }];
  });
}
