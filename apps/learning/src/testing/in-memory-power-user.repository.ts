import {
  foldPowerUserGrants,
  grantsAnything,
  powerUserKey,
  type PowerUserGrant,
} from '../users/domain/power-user';
import type { PowerUserRepository } from '../users/ports/power-user.repository';

/** Power users' grants in memory, with the same version rule as the Mongo projection. */
export class InMemoryPowerUserRepository implements PowerUserRepository {
  private readonly rows = new Map<string, PowerUserGrant>();

  async applyMany(grants: readonly PowerUserGrant[]): Promise<void> {
    const byKey = new Map<string, PowerUserGrant[]>();
    for (const grant of grants)
      byKey.set(powerUserKey(grant), [...(byKey.get(powerUserKey(grant)) ?? []), grant]);
    for (const [key, list] of byKey) {
      const { write } = foldPowerUserGrants(this.rows.get(key)?.version ?? null, list);
      if (write) this.rows.set(key, structuredClone(write));
    }
  }

  async find(tenantId: string, userId: string): Promise<PowerUserGrant | null> {
    const row = this.rows.get(powerUserKey({ tenantId, userId }));
    return row && grantsAnything(row) ? structuredClone(row) : null;
  }

  /** How many users the projection holds (tests only): the power users, not every account. */
  get size(): number {
    return this.rows.size;
  }
}
