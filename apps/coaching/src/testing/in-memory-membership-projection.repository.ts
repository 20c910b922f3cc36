import type { GroupRole } from '@lms/contracts';
import {
  foldMembershipChanges,
  membershipKey,
  type Membership,
  type MembershipChange,
} from '../memberships/domain/membership';
import type { MembershipProjectionRepository } from '../memberships/ports/membership-projection.repository';
import type { ProjectionOutcome } from '../shared/projection-outcome';

export class InMemoryMembershipProjectionRepository implements MembershipProjectionRepository {
  private readonly rows = new Map<string, Membership>();

  async applyMany(changes: readonly MembershipChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = membershipKey(change);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const existing = this.rows.get(key);
      const first = changes[indexes[0] as number] as MembershipChange;
      const { newer, update } = foldMembershipChanges(
        existing?.version ?? null,
        indexes.map((i) => changes[i] as MembershipChange),
        existing ?? null,
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (!update) continue;
      this.rows.set(key, {
        tenantId: first.tenantId,
        groupId: first.groupId,
        userId: first.userId,
        roles: update.roles ? [...update.roles.roles] : (existing?.roles ?? []),
        status: update.status,
        version: update.version,
        rolesSince: update.roles?.since ?? existing?.rolesSince ?? update.updatedAt,
        roleSince: update.roles?.roleSince ?? existing?.roleSince ?? {},
        updatedAt: update.updatedAt,
      });
    }
    return outcomes;
  }

  async findMany(tenantId: string, groupId: string, userIds: readonly string[]): Promise<Membership[]> {
    return [...new Set(userIds)]
      .map((userId) => this.rows.get(membershipKey({ tenantId, groupId, userId })))
      .filter((m): m is Membership => m !== undefined)
      .map((m) => structuredClone(m));
  }

  async listActiveWithAnyRole(
    tenantId: string,
    groupId: string,
    roles: readonly GroupRole[],
    page: { afterUserId: string | null; limit: number },
  ): Promise<Membership[]> {
    return [...this.rows.values()]
      .filter(
        (m) =>
          m.tenantId === tenantId &&
          m.groupId === groupId &&
          m.status === 'active' &&
          m.roles.some((r) => roles.includes(r)) &&
          (page.afterUserId === null || m.userId > page.afterUserId),
      )
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .slice(0, page.limit)
      .map((m) => structuredClone(m));
  }
}
