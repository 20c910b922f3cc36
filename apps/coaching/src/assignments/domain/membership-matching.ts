import type { Membership } from '../../memberships/domain/membership';
import type { Assignment, AssignmentEndReason } from './assignment';
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
      if (assignment.status !== 'current') return false;
      if (membership === null || membership.status === 'removed') return true;
      // A group assignment that is no longer current takes its derived assignments along itself.
      const groupAssignment = byId.get(assignment.groupAssignmentId ?? '');
      return groupAssignment !== undefined && !membershipMatches(groupAssignment, membership);
    })
    .map((assignment) => ({ assignment, reason: endReasonFor(membership) }));
  return { toCreate, toEnd };
}

/**
 * Of the members a fan-out chunk just handled, those who no longer match the group assignment
 * according to their latest membership (removed, or roles changed meanwhile), with the reason.
 */
export function membersNoLongerMatching(
  groupAssignment: MatchableGroupAssignment,
  handledUserIds: readonly string[],
  latest: readonly MatchableMembership[],
): Map<string, AssignmentEndReason> {
  const byUser = new Map(latest.map((m) => [m.userId, m]));
  const result = new Map<string, AssignmentEndReason>();
  for (const userId of handledUserIds) {
    const membership = byUser.get(userId) ?? null;
    if (membership === null || !membershipMatches(groupAssignment, membership)) {
      result.set(userId, endReasonFor(membership));
    }
  }
  return result;
}
