import type { Membership } from '../../memberships/domain/membership';
import { isLive, type Assignment, type AssignmentEndReason } from './assignment';
import { isInForce, type GroupAssignment } from './group-assignment';

type MatchableGroupAssignment = Pick<
  GroupAssignment,
  'groupId' | 'roles' | 'coachIds' | 'status' | 'deletedAt'
>;
type MatchableMembership = Pick<Membership, 'groupId' | 'userId' | 'roles' | 'status'>;

/**
 * Whether a group assignment coaches this member (CO-A2): the group assignment is in force, the
 * member is in its group holding at least one of its roles, and is not one of its coaches
 * (nobody coaches themselves).
 */
export function membershipMatches(
  groupAssignment: MatchableGroupAssignment,
  membership: MatchableMembership,
): boolean {
  return (
    isInForce(groupAssignment) &&
    membership.status === 'active' &&
    membership.groupId === groupAssignment.groupId &&
    membership.roles.some((role) => groupAssignment.roles.includes(role)) &&
    !groupAssignment.coachIds.includes(membership.userId)
  );
}

/** Why a member's derived assignment ends once the member no longer matches. */
export function endReasonFor(membership: Pick<Membership, 'status'> | null): AssignmentEndReason {
  return membership === null || membership.status === 'removed'
    ? 'membership.removed'
    : 'membership.roles-changed';
}

export interface MemberAssignmentPlan {
  /** Group assignments that should coach the member and do not yet. */
  toCreate: GroupAssignment[];
  /** The member's current derived assignments that must end, and why. */
  toEnd: Array<{ assignment: Assignment; reason: AssignmentEndReason }>;
}

/**
 * What a member's derived assignments in one group should become (CO-A11), given the member's
 * current membership, the group's current group assignments and the member's current derived
 * assignments in that group. Applying the plan twice changes nothing.
 */
export function planMemberAssignments(input: {
  membership: Membership | null;
  groupAssignments: readonly GroupAssignment[];
  currentAssignments: readonly Assignment[];
}): MemberAssignmentPlan {
  const { membership, groupAssignments, currentAssignments } = input;
  const covered = new Set(currentAssignments.map((a) => a.groupAssignmentId));
  const toCreate =
    membership === null
      ? []
      : groupAssignments.filter((ga) => !covered.has(ga.id) && membershipMatches(ga, membership));
  const byId = new Map(groupAssignments.map((ga) => [ga.id, ga]));
  const toEnd = currentAssignments
    .filter((assignment) => {
      if (!isLive(assignment) || derivedFromNewer(assignment, membership)) return false;
      if (membership === null || membership.status === 'removed') return true;
      // A group assignment that is no longer current takes its derived assignments along itself.
      const groupAssignment = byId.get(assignment.groupAssignmentId ?? '');
      return groupAssignment !== undefined && !membershipMatches(groupAssignment, membership);
    })
    .map((assignment) => ({ assignment, reason: endReasonFor(membership) }));
  return { toCreate, toEnd };
}

/**
 * Whether a derived assignment comes from a newer state of its membership than `membership`
 * (read earlier): then that read says nothing about it, and nothing may end it on its word. A
 * member removed and added again after the read has a new assignment the read must not end.
 */
function derivedFromNewer(assignment: Assignment, membership: Pick<Membership, 'version'> | null): boolean {
  return membership !== null && (assignment.membershipVersion ?? 0) >= membership.version;
}

/**
 * Of a group assignment's current derived assignments, those that must end given their
 * members' latest memberships (`latest`, any order; a member missing from it is gone): the
 * member was removed, or no longer holds a matching role, at a later version than the one the
 * assignment was derived from; with the reason. Applying it twice ends nothing twice.
 */
export function derivedNoLongerMatching(
  groupAssignment: MatchableGroupAssignment,
  current: readonly Assignment[],
  latest: readonly Membership[],
): Array<{ assignment: Assignment; reason: AssignmentEndReason }> {
  const byUser = new Map(latest.map((m) => [m.userId, m]));
  return current.flatMap((assignment) => {
    const membership = byUser.get(assignment.menteeId) ?? null;
    if (!isLive(assignment) || derivedFromNewer(assignment, membership)) return [];
    if (membership !== null && membershipMatches(groupAssignment, membership)) return [];
    return [{ assignment, reason: endReasonFor(membership) }];
  });
}
