import { foldNewestState } from '@lms/kernel';

/**
 * What learning knows of one user's power over others (ID-U2), from identity's user events:
 * a power user acts on the members of the groups of its scope with the rights of its
 * permission profile (LE-E3: `enrollments.manage`). Anyone else holds no scope and no profile.
 */
export interface PowerUserGrant {
  tenantId: string;
  userId: string;
  /** The groups of its scope; none unless the user is a power user with a scope. */
  groupIds: string[];
  /** The name of its permission profile; null unless the user is a power user with one. */
  profile: string | null;
  /** The user aggregate's version last applied: older events are ignored (rule 2). */
  version: number;
}

/** A user's state as identity's events carry it, reduced to what a grant needs. */
export interface UserPowerState {
  tenantId: string;
  userId: string;
  level: string;
  powerUserScope?: { groupIds: readonly string[] } | null;
  permissionProfile?: string | null;
  /** The account is gone: it holds nothing. */
  deleted: boolean;
  version: number;
}

/** The grant a user's state gives: a scope and a profile for a power user holding both, nothing otherwise. */
export function grantOf(state: UserPowerState): PowerUserGrant {
  const holds =
    !state.deleted &&
    state.level === 'power_user' &&
    state.powerUserScope != null &&
    state.permissionProfile != null;
  return {
    tenantId: state.tenantId,
    userId: state.userId,
    groupIds: holds ? [...new Set(state.powerUserScope?.groupIds ?? [])] : [],
    profile: holds ? (state.permissionProfile ?? null) : null,
    version: state.version,
  };
}

/** Whether a grant lets its user act on anyone. */
export function grantsAnything(grant: Pick<PowerUserGrant, 'groupIds' | 'profile'>): boolean {
  return grant.profile !== null && grant.groupIds.length > 0;
}

/** The natural key of a grant: also its document id in the projection. */
export function powerUserKey(grant: Pick<PowerUserGrant, 'tenantId' | 'userId'>): string {
  return `${grant.tenantId}:${grant.userId}`;
}

/**
 * One user's grants of a batch folded into the one write that brings the projection to the
 * newest (see foldNewestState), except that a user never stored is stored only when it grants
 * something: the projection holds the power users, not every account.
 */
export function foldPowerUserGrants(
  storedVersion: number | null,
  grants: readonly PowerUserGrant[],
): { newer: boolean[]; write: PowerUserGrant | null } {
  const folded = foldNewestState(storedVersion, grants);
  if (storedVersion === null && folded.write !== null && !grantsAnything(folded.write))
    return { newer: folded.newer, write: null };
  return folded;
}
