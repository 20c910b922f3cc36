import type { GroupRole } from '@lms/contracts';
import type { Membership, MembershipChange } from '../memberships/domain/membership';
import type { MembershipProjectionRepository } from '../memberships/ports/membership-projection.repository';
import type { ProjectionOutcome } from '../shared/projection-outcome';

export class InMemoryMembershipProjectionRepository implements MembershipProjectionRepository {
  private readonly rows = new Map<string, Membership>();

  async apply(change: MembershipChange): Promise<ProjectionOutcome> {
    const key = keyOf(change.tenantId, change.groupId, change.userId);
    const existing = this.rows.get(key);
    if (existing && existing.version >= change.version) return 'stale';
    this.rows.set(key, {
      tenantId: change.tenantId,
      groupId: change.groupId,
      userId: change.userId,
      roles: change.roles ? [...change.roles] : (existing?.roles ?? []),
      status: change.status,
      version: change.version,
      rolesSince: change.roles ? change.occurredAt : (existing?.rolesSince ?? change.occurredAt),
      updatedAt: change.occurredAt,
    });
    return 'applied';
  }

  async find(tenantId: string, groupId: string, userId: string): Promise<Membership | null> {
    const found = this.rows.get(keyOf(tenantId, groupId, userId));
    return found ? structuredClone(found) : null;
  }

  async findMany(tenantId: string, groupId: string, userIds: readonly string[]): Promise<Membership[]> {
    return [...this.rows.values()]
      .filter((m) => m.tenantId === tenantId && m.groupId === groupId && userIds.includes(m.userId))
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

function keyOf(tenantId: string, groupId: string, userId: string): string {
  return `${tenantId}|${groupId}|${userId}`;
}
