import type { WriteOutcome } from '@lms/kernel';
import type { BulkStateChange } from '../users/domain/bulk-state-change';
import type { BulkStateChangeRepository } from '../users/ports/bulk-state-change.repository';

/** Bulk state changes in memory, with the guarantees of the Mongo repository: tenant scope, conditional writes. */
export class InMemoryBulkStateChangeRepository implements BulkStateChangeRepository {
  private readonly rows = new Map<string, BulkStateChange>();

  async findById(tenantId: string, id: string): Promise<BulkStateChange | null> {
    const change = this.rows.get(id);
    return change?.tenantId === tenantId ? structuredClone(change) : null;
  }

  async insert(change: BulkStateChange): Promise<void> {
    if (this.rows.has(change.id)) throw new Error(`A bulk state change ${change.id} exists already`);
    this.rows.set(change.id, structuredClone(change));
  }

  async update(change: BulkStateChange, expectedVersion: number): Promise<WriteOutcome> {
    const stored = this.rows.get(change.id);
    if (stored?.tenantId !== change.tenantId || stored.version !== expectedVersion) return 'stale';
    this.rows.set(change.id, structuredClone(change));
    return 'written';
  }

  async listRunning(
    afterId: string | null,
    limit: number,
  ): Promise<Array<Pick<BulkStateChange, 'id' | 'tenantId'>>> {
    return [...this.rows.values()]
      .filter((change) => change.state === 'running' && (afterId === null || change.id > afterId))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((change) => ({ id: change.id, tenantId: change.tenantId }));
  }
}
