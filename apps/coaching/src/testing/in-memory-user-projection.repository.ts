import type { UserChange, UserProjection } from '../users/domain/user';
import type { UserProjectionRepository } from '../users/ports/user-projection.repository';
import type { ProjectionOutcome } from '../shared/projection-outcome';

export class InMemoryUserProjectionRepository implements UserProjectionRepository {
  private readonly rows = new Map<string, UserProjection>();

  async applyMany(changes: readonly UserChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = [];
    for (const change of changes) outcomes.push(await this.apply(change));
    return outcomes;
  }

  async apply(change: UserChange): Promise<ProjectionOutcome> {
    const key = `${change.tenantId}|${change.userId}`;
    const existing = this.rows.get(key);
    if (existing && existing.version >= change.version) return 'stale';
    if (change.kind === 'delete') {
      this.rows.set(key, {
        tenantId: change.tenantId,
        userId: change.userId,
        email: existing?.email ?? '',
        firstName: existing?.firstName ?? '',
        lastName: existing?.lastName ?? '',
        state: existing?.state ?? 'deactivated',
        deleted: true,
        version: change.version,
        updatedAt: change.occurredAt,
      });
      return 'applied';
    }
    const { kind: _kind, occurredAt, ...state } = change;
    this.rows.set(key, { ...state, deleted: false, updatedAt: occurredAt });
    return 'applied';
  }

  async find(tenantId: string, userId: string): Promise<UserProjection | null> {
    const found = this.rows.get(`${tenantId}|${userId}`);
    return found ? structuredClone(found) : null;
  }
}
