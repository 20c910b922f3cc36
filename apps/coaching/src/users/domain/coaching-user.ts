import type { AdminRole, PlatformLevel, UserState } from '@lms/contracts';

/**
 * What coaching knows of a user: a projection of identity's users stream, kept so that coaches
 * and mentees can be checked without asking identity. Only the fields coaching needs.
 */
export interface CoachingUser {
  tenantId: string;
  userId: string;
  /** Null on a tombstone, as every personal field below. */
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  state: UserState | null;
  level: PlatformLevel | null;
  adminRoles: AdminRole[];
  /** When the account expires (it may not be assigned from then on); null: never. */
  expiresAt: Date | null;
  /** Set once the user is deleted: the row stays as a tombstone so that older events are still ignored. */
  deleted: boolean;
  /** The user's `aggregateVersion` last applied: an event not newer changes nothing. */
  version: number;
  /** When identity made the change last applied (the event's time). */
  updatedAt: Date;
}

/** The full state of a user a `user.created` or `user.updated` carries, as coaching keeps it. */
export interface CoachingUserProfile {
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  state: UserState;
  level: PlatformLevel;
  adminRoles: AdminRole[];
  expiresAt: Date | null;
}

/** One user event, as the projection applies it. */
export interface CoachingUserChange {
  tenantId: string;
  userId: string;
  /** The event's `aggregateVersion`. */
  version: number;
  occurredAt: Date;
  /** The user's full state; null for a deletion (the user becomes a tombstone). */
  profile: CoachingUserProfile | null;
}

/** The natural key of a user in its tenant: also its document id in the projection. */
export function coachingUserKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

/**
 * What the projection holds of a user once `change` is applied: the full state it carries, or
 * a tombstone at the deletion's version without any personal data.
 */
export function coachingUserAfter(change: CoachingUserChange): CoachingUser {
  const { tenantId, userId, version, occurredAt, profile } = change;
  const base = { tenantId, userId, version, updatedAt: new Date(occurredAt) };
  if (!profile) {
    return {
      ...base,
      email: null,
      firstName: null,
      lastName: null,
      locale: null,
      state: null,
      level: null,
      adminRoles: [],
      expiresAt: null,
      deleted: true,
    };
  }
  return {
    ...base,
    ...profile,
    adminRoles: [...profile.adminRoles],
    expiresAt: profile.expiresAt ? new Date(profile.expiresAt) : null,
    deleted: false,
  };
}
