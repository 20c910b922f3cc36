import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { ManagerRelation } from '../organisation/domain/manager-relation';
import type { ManagerRelationRepository } from '../organisation/ports/manager-relation.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const ID_ORDER: ReadonlyArray<MemorySortKey<ManagerRelation>> = [['_id', (relation) => relation.id, 1]];

/**
 * Manager relations in memory, with the guarantees of the Mongo repository: one document per
 * (tenant, manager, managee), writes conditional on the version read.
 */
export class InMemoryManagerRelationRepository implements ManagerRelationRepository {
  private readonly rows = new Map<string, ManagerRelation>();
  private readonly interleaved: Array<() => void> = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  /** Runs `write` right before the next write reaches the store (one per write). */
  beforeNextWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  async find(tenantId: string, managerId: string, manageeId: string): Promise<ManagerRelation | null> {
    const row = this.findRow(tenantId, managerId, manageeId);
    return row ? structuredClone(row) : null;
  }

  async insert(relation: ManagerRelation, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    this.runInterleaved();
    if (this.rows.has(relation.id) || this.findRow(relation.tenantId, relation.managerId, relation.manageeId))
      return 'stale';
    this.rows.set(relation.id, structuredClone(relation));
    this.outbox.record(relation.id, outbox);
    return 'written';
  }

  async update(
    relation: ManagerRelation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    this.runInterleaved();
    const stored = this.rows.get(relation.id);
    if (!stored || stored.tenantId !== relation.tenantId || stored.version !== expectedVersion)
      return 'stale';
    this.rows.set(relation.id, structuredClone(relation));
    this.outbox.record(relation.id, outbox);
    return 'written';
  }

  async listManagees(tenantId: string, managerId: string, page: PageRequest): Promise<Page<ManagerRelation>> {
    return structuredClone(slicePage(this.active(tenantId, managerId), page, ID_ORDER));
  }

  async hasManagees(tenantId: string, managerId: string): Promise<boolean> {
    return this.active(tenantId, managerId).length > 0;
  }

  private active(tenantId: string, managerId: string): ManagerRelation[] {
    return [...this.rows.values()].filter(
      (row) => row.tenantId === tenantId && row.managerId === managerId && row.status === 'active',
    );
  }

  private findRow(tenantId: string, managerId: string, manageeId: string): ManagerRelation | undefined {
    return [...this.rows.values()].find(
      (row) => row.tenantId === tenantId && row.managerId === managerId && row.manageeId === manageeId,
    );
  }

  private runInterleaved(): void {
    this.interleaved.shift()?.();
  }
}
