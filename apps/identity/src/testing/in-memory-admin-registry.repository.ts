import type { AdminRegistry, UnsettledAdministrator } from '../admin-roles/domain/admin-registry';
import type { AdminRegistryRepository } from '../admin-roles/ports/admin-registry.repository';
import type { WriteOutcome } from '@lms/kernel';

export class InMemoryAdminRegistryRepository implements AdminRegistryRepository {
  private readonly rows = new Map<string, AdminRegistry>();

  async find(tenantId: string): Promise<AdminRegistry | null> {
    const registry = this.rows.get(tenantId);
    return registry ? structuredClone(registry) : null;
  }

  async insert(registry: AdminRegistry): Promise<'inserted' | 'duplicate'> {
    if (this.rows.has(registry.tenantId)) return 'duplicate';
    this.rows.set(registry.tenantId, structuredClone(registry));
    return 'inserted';
  }

  async update(registry: AdminRegistry, expectedVersion: number): Promise<WriteOutcome> {
    if (this.rows.get(registry.tenantId)?.version !== expectedVersion) return 'stale';
    this.rows.set(registry.tenantId, structuredClone(registry));
    return 'written';
  }

  async markSettled(tenantId: string, entry: UnsettledAdministrator): Promise<void> {
    const registry = this.rows.get(tenantId);
    if (!registry) return;
    registry.unsettled = registry.unsettled.filter(
      (each) => each.userId !== entry.userId || each.since.getTime() !== entry.since.getTime(),
    );
  }

  async listUnsettled(afterTenantId: string | null, limit: number): Promise<AdminRegistry[]> {
    return [...this.rows.values()]
      .filter((registry) => registry.unsettled.length > 0)
      .filter((registry) => afterTenantId === null || registry.tenantId > afterTenantId)
      .sort((a, b) => (a.tenantId < b.tenantId ? -1 : 1))
      .slice(0, limit)
      .map((registry) => structuredClone(registry));
  }
}
