import type { GroupRole } from '@lms/contracts';
import {
  foldMembershipChanges,
  groupMembershipKey,
  type GroupMembership,
  type GroupMembershipChange,
} from '../memberships/domain/group-membership';
import type {
  GroupMembershipRepository,
  MembershipOutcome,
} from '../memberships/ports/group-membership.repository';

/** The group memberships projection in memory: the same version guards as the Mongo one. */
export class InMemoryGroupMembershipRepository implements GroupMembershipRepository {
  private readonly rows = new Map<string, GroupMembership>();

  /** Makes a user an active learner of groups, as applied events would (tests only). */
  given(tenantId: string, userId: string, ...groupIds: string[]): void {
    for (const groupId of groupIds) this.givenRoles(tenantId, userId, groupId, ['learner']);
  }

  /** Makes a user an active member of a group with these roles (tests only). */
  givenRoles(tenantId: string, userId: string, groupId: string, roles: GroupRole[]): void {
    const row = { tenantId, groupId, userId, active: true, roles, version: 1, updatedAt: new Date(0) };
    this.rows.set(groupMembershipKey(row), row);
  }

  async applyMany(changes: readonly GroupMembershipChange[]): Promise<MembershipOutcome[]> {
    const outcomes: MembershipOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = groupMembershipKey(change);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const stored = this.rows.get(key);
      const fold = foldMembershipChanges(
        stored?.version ?? null,
        indexes.map((i) => changes[i] as GroupMembershipChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = fold.newer[n] ? 'applied' : 'stale'));
      if (fold.write) this.rows.set(key, structuredClone(fold.write));
    }
    return outcomes;
  }

  async activeMembersAmong(
    tenantId: string,
    groupIds: readonly string[],
    userIds: readonly string[],
  ): Promise<Set<string>> {
    const isMember = (userId: string) =>
      groupIds.some(
        (groupId) => this.rows.get(groupMembershipKey({ tenantId, groupId, userId }))?.active === true,
      );
    return new Set(userIds.filter(isMember));
  }

  async holdsRoleInAnyGroup(tenantId: string, userId: string, role: GroupRole): Promise<boolean> {
    return [...this.rows.values()].some(
      (row) => row.tenantId === tenantId && row.userId === userId && row.active && row.roles.includes(role),
    );
  }

  async groupsOf(tenantId: string, userId: string): Promise<string[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.userId === userId && row.active)
      .map((row) => row.groupId)
      .sort();
  }

  async listMembers(
    tenantId: string,
    groupId: string,
    afterUserId: string | null,
    limit: number,
  ): Promise<GroupMembership[]> {
    return [...this.rows.values()]
      .filter(
        (row) =>
          row.tenantId === tenantId &&
          row.groupId === groupId &&
          row.active &&
          (afterUserId === null || row.userId > afterUserId),
      )
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .slice(0, limit)
      .map((row) => structuredClone(row));
  }
}
