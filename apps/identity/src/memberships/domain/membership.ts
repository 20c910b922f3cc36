import { GROUP_ROLES, type GroupRole } from '@lms/contracts';

export const MEMBERSHIP_STATUSES = ['active', 'removed'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * One user in one group, with its per-group roles (ID-G1). Removing a member keeps the
 * document as a tombstone, so that its version keeps increasing when the user is added again.
 */
export interface Membership {
  id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: GroupRole[];
  status: MembershipStatus;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
  version: number;
}

export interface MembershipRequest {
  /** The id a brand-new membership gets; a re-added member keeps its old one. */
  id: string;
  tenantId: string;
  groupId: string;
  userId: string;
  roles: readonly string[];
}

export type AddMemberDecision =
  | { outcome: 'added'; membership: Membership }
  | { outcome: 'already-member' }
  | { outcome: 'invalid-roles' };

export type ChangeRolesDecision =
  | { outcome: 'changed'; membership: Membership }
  | { outcome: 'unchanged'; membership: Membership }
  | { outcome: 'not-member' }
  | { outcome: 'invalid-roles' };

export type RemoveMemberDecision = { outcome: 'removed'; membership: Membership } | { outcome: 'not-member' };

/**
 * The roles in their canonical form: each once, in the order of `GROUP_ROLES`; null when
 * there is none or one is unknown (a membership has at least one role).
 */
export function canonicalRoles(roles: readonly string[]): GroupRole[] | null {
  if (roles.length === 0 || roles.some((role) => !isGroupRole(role))) return null;
  return GROUP_ROLES.filter((role) => roles.includes(role));
}

/** Adds a user to a group, or adds a removed member again with the next version. */
export function addMember(
  existing: Membership | null,
  request: MembershipRequest,
  now: Date,
): AddMemberDecision {
  const roles = canonicalRoles(request.roles);
  if (!roles) return { outcome: 'invalid-roles' };
  if (existing?.status === 'active') return { outcome: 'already-member' };
  if (existing) {
    return {
      outcome: 'added',
      membership: {
        ...existing,
        roles,
        status: 'active',
        removedAt: null,
        updatedAt: now,
        version: existing.version + 1,
      },
    };
  }
  return {
    outcome: 'added',
    membership: {
      id: request.id,
      tenantId: request.tenantId,
      groupId: request.groupId,
      userId: request.userId,
      roles,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      removedAt: null,
      version: 1,
    },
  };
}

/** Gives an active member new roles; the same roles in any order change nothing. */
export function changeRoles(
  existing: Membership | null,
  requested: readonly string[],
  now: Date,
): ChangeRolesDecision {
  const roles = canonicalRoles(requested);
  if (!roles) return { outcome: 'invalid-roles' };
  if (existing?.status !== 'active') return { outcome: 'not-member' };
  if (sameRoles(existing.roles, roles)) return { outcome: 'unchanged', membership: existing };
  return {
    outcome: 'changed',
    membership: { ...existing, roles, updatedAt: now, version: existing.version + 1 },
  };
}

/** Removes an active member: the membership becomes a tombstone with the next version. */
export function removeMember(existing: Membership | null, now: Date): RemoveMemberDecision {
  if (existing?.status !== 'active') return { outcome: 'not-member' };
  return {
    outcome: 'removed',
    membership: {
      ...existing,
      status: 'removed',
      removedAt: now,
      updatedAt: now,
      version: existing.version + 1,
    },
  };
}

function sameRoles(a: readonly GroupRole[], b: readonly GroupRole[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function isGroupRole(role: string): role is GroupRole {
  return (GROUP_ROLES as readonly string[]).includes(role);
}
