import {
  foldManagerRelationChanges,
  managerRelationKey,
  type ManagerRelation,
} from '../managers/domain/manager-relation';
import type { ManagerRelationRepository } from '../managers/ports/manager-relation.repository';

/** Manager relations in memory, with the same version rule as the Mongo projection. */
export class InMemoryManagerRelationRepository implements ManagerRelationRepository {
  private readonly rows = new Map<string, ManagerRelation>();

  async applyMany(changes: readonly ManagerRelation[]): Promise<void> {
    const byKey = new Map<string, ManagerRelation[]>();
    for (const change of changes) {
      const key = managerRelationKey(change);
      byKey.set(key, [...(byKey.get(key) ?? []), change]);
    }
    for (const [key, list] of byKey) {
      const { write } = foldManagerRelationChanges(this.rows.get(key)?.version ?? null, list);
      if (write) this.rows.set(key, { ...write });
    }
  }

  async manages(tenantId: string, managerId: string, manageeId: string): Promise<boolean> {
    return this.rows.get(managerRelationKey({ tenantId, managerId, manageeId }))?.active === true;
  }
}
