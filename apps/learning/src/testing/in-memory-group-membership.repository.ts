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

  /** Makes a user an active member of groups, as applied events would (tests only). */
  given(tenantId: string, userId: string, ...groupIds: string[]): void {
    for (const groupId of groupIds) {
      const row = { tenantId, groupId, userId, active: true, version: 1, updatedAt: new Date(0) };
      this.rows.set(groupMembershipKey(row), row);
    }
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

  async groupsOf(tenantId: string, userId: string): Promise<string[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === tenantId && row.userId === userId && row.active)
      .map((row) => row.groupId)
      .sort();
  }
}
