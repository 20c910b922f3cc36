import type { RefreshFamily } from '../auth/domain/refresh-token';
import type { RefreshFamilyRepository } from '../auth/ports/refresh-family.repository';

export class InMemoryRefreshFamilyRepository implements RefreshFamilyRepository {
  private readonly rows = new Map<string, RefreshFamily>();

  async findById(tenantId: string, id: string): Promise<RefreshFamily | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async insert(family: RefreshFamily): Promise<void> {
    if (this.rows.has(family.id)) throw new Error(`duplicate refresh family ${family.id}`);
    this.rows.set(family.id, structuredClone(family));
  }

  async revoke(tenantId: string, id: string, at: Date): Promise<void> {
    const row = this.rows.get(id);
    if (row && row.tenantId === tenantId && row.revokedAt === null)
      this.rows.set(id, { ...row, revokedAt: at });
  }
}
