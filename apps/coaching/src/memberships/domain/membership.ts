import type { GroupRole } from '@lms/contracts';

export const MEMBERSHIP_STATUSES = ['active', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** What coaching knows of one user's membership of one group (a projection of identity's events). */
export interface Membership {
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  /** The membership aggregate's version last applied: older events are ignored. */
  version: number;
  /** When the member last took on its current roles (the event's time): added or roles changed. */
  rolesSince: Date;
  /**
   * Since when the member has held each of its current roles without a break (the time of the
   * event that gave it): a role kept through a change of the others keeps its time. Empty for
   * a membership projected before it was kept: `rolesSince` stands for every role then.
   */
  roleSince: RoleSince;
  updatedAt: Date;
}

/** Since when each role is held, by role. */
export type RoleSince = Partial<Record<GroupRole, Date>>;

/** What a fold needs of the stored membership: what it held, and since when. */
export type StoredRoles = Pick<Membership, 'status' | 'roles' | 'roleSince'>;

/** One membership event, as the projection applies it. */
export interface MembershipChange {
  tenantId: string;
  groupId: string;
  userId: string;
  status: MembershipStatus;
  /** The new roles; null for a removal, which keeps the last known roles. */
  roles: GroupRole[] | null;
  version: number;
  occurredAt: Date;
}

/** The natural key of a membership: also its document id in the projection. */
export function membershipKey(m: Pick<Membership, 'tenantId' | 'groupId' | 'userId'>): string {
  return `${m.tenantId}:${m.groupId}:${m.userId}`;
}

/** What the changes of one membership that are newer than the projection make of it. */
export interface MembershipUpdate {
  status: MembershipStatus;
  version: number;
  updatedAt: Date;
  /** The newest roles among the changes, with their time; null when only removals are newer. */
  roles: { roles: GroupRole[]; since: Date; roleSince: RoleSince } | null;
}

/**
 * Since when each of `roles` is held after a change at `at`, from what was held before: a role
 * the member held while active keeps its time; any other starts at `at` (a re-added member
 * starts afresh).
 */
export function rolesHeldSince(before: StoredRoles | null, roles: readonly GroupRole[], at: Date): RoleSince {
  const since: RoleSince = {};
  for (const role of roles) {
    const kept = before !== null && before.status === 'active' && before.roles.includes(role);
    since[role] = (kept ? before.roleSince[role] : undefined) ?? at;
  }
  return since;
}

/**
 * Folds the changes of ONE membership (a batch may hold several versions of it) into the one
 * write that brings the projection from `storedVersion` (null: not projected yet) to the
 * newest of them, as if they had been applied one by one in version order: the newest status
 * and version, and the roles of the newest change that carries roles (a removal keeps the
 * last known ones). `newer[i]` tells whether `changes[i]` is newer than everything before it
 * (applied) or not (stale); `update` is null when none is.
 */
export function foldMembershipChanges(
  storedVersion: number | null,
  changes: readonly MembershipChange[],
  stored: StoredRoles | null = null,
): { newer: boolean[]; update: MembershipUpdate | null } {
  const newer = changes.map(() => false);
  let update: MembershipUpdate | null = null;
  let roles: MembershipUpdate['roles'] = null;
  let version = storedVersion ?? Number.NEGATIVE_INFINITY;
  let held: StoredRoles | null = stored;
  const inVersionOrder = changes.map((change, index) => ({ change, index }));
  inVersionOrder.sort((a, b) => a.change.version - b.change.version || a.index - b.index);
  for (const { change, index } of inVersionOrder) {
    if (change.version <= version) continue;
    version = change.version;
    newer[index] = true;
    if (change.roles) {
      const roleSince = rolesHeldSince(held, change.roles, change.occurredAt);
      roles = { roles: [...change.roles], since: change.occurredAt, roleSince };
    }
    held = {
      status: change.status,
      roles: roles?.roles ?? held?.roles ?? [],
      roleSince: roles?.roleSince ?? held?.roleSince ?? {},
    };
    update = { status: change.status, version: change.version, updatedAt: change.occurredAt, roles };
  }
  return { newer, update };
}
