import type { GroupRole } from '@lms/contracts';
import type { GroupMembership, GroupMembershipChange } from '../domain/group-membership';

/** What became of one change of a batch: written, or not newer than what was stored. */
export type MembershipOutcome = 'applied' | 'stale';

/** The group memberships learning keeps from identity's events. Every read is scoped by tenant. */
export interface GroupMembershipRepository {
  /**
   * Applies membership events in bulk (rule 8), keeping version order per membership: for each
   * change, `applied` when it was newer than what the projection held (and than the changes
   * of the same membership before it), `stale` otherwise; in the order of `changes`.
   */
  applyMany(changes: readonly GroupMembershipChange[]): Promise<MembershipOutcome[]>;
  /** The groups a user is an active member of. */
  groupsOf(tenantId: string, userId: string): Promise<string[]>;
  /** Of `userIds`, those who are active members of at least one of `groupIds` (a power user's scope, LE-E3). */
  activeMembersAmong(
    tenantId: string,
    groupIds: readonly string[],
    userIds: readonly string[],
  ): Promise<Set<string>>;
  /** Whether the user holds `role` in at least one group of the tenant it is an active member of. */
  holdsRoleInAnyGroup(tenantId: string, userId: string, role: GroupRole): Promise<boolean>;
  /**
   * The active members of a group, in `userId` order, after `afterUserId` (null: from the
   * first), at most `limit`: the pages a group enrollment walks (LE-G1).
   */
  listMembers(
    tenantId: string,
    groupId: string,
    afterUserId: string | null,
    limit: number,
  ): Promise<GroupMembership[]>;
}

export const GROUP_MEMBERSHIP_REPOSITORY = Symbol('GROUP_MEMBERSHIP_REPOSITORY');
