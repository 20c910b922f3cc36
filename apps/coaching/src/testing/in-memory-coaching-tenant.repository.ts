import { foldNewestState } from '@lms/kernel';
import type { ProjectionOutcome } from '../shared/projection-outcome';
import {
  coachingTenantAfter,
  type CoachingTenant,
  type CoachingTenantChange,
} from '../tenants/domain/coaching-tenant';
import type { CoachingTenantRepository } from '../tenants/ports/coaching-tenant.repository';

/** The projection of tenants in memory, with the same version rule as the Mongo one. */
export class InMemoryCoachingTenantRepository implements CoachingTenantRepository {
  private readonly rows = new Map<string, CoachingTenant>();

  async applyMany(changes: readonly CoachingTenantChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) =>
      byKey.set(change.tenantId, [...(byKey.get(change.tenantId) ?? []), index]),
    );
    for (const [key, indexes] of byKey) {
      const { newer, write } = foldNewestState(
        this.rows.get(key)?.version ?? null,
        indexes.map((i) => changes[i] as CoachingTenantChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (write) this.rows.set(key, coachingTenantAfter(write));
    }
    return outcomes;
  }

  async find(tenantId: string): Promise<CoachingTenant | null> {
    const row = this.rows.get(tenantId);
    return row ? structuredClone(row) : null;
  }
}
