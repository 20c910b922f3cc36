import type { WriteOutcome } from '@lms/kernel';
import type { BulkAssignment } from '../assignments/domain/bulk-assignment';
import type { BulkAssignmentRepository } from '../assignments/ports/bulk-assignment.repository';

export class InMemoryBulkAssignmentRepository implements BulkAssignmentRepository {
  private readonly rows = new Map<string, BulkAssignment>();

  async findById(tenantId: string, id: string): Promise<BulkAssignment | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async insert(bulk: BulkAssignment): Promise<void> {
    if (this.rows.has(bulk.id)) throw new Error(`duplicate bulk assignment ${bulk.id}`);
    this.rows.set(bulk.id, structuredClone(bulk));
  }

  async update(bulk: BulkAssignment, expectedVersion: number): Promise<WriteOutcome> {
    const row = this.rows.get(bulk.id);
    if (!row || row.tenantId !== bulk.tenantId || row.version !== expectedVersion) return 'stale';
    this.rows.set(bulk.id, structuredClone(bulk));
    return 'written';
  }

  async listRunning(limit: number): Promise<Array<Pick<BulkAssignment, 'id' | 'tenantId'>>> {
    return [...this.rows.values()]
      .filter((row) => row.state === 'running')
      .slice(0, limit)
      .map(({ id, tenantId }) => ({ id, tenantId }));
  }
}
