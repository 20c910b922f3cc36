import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Import } from '../imports/domain/import';
import type { ImportRepository } from '../imports/ports/import.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's list: newest first, by id. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<Import>> = [['_id', (entry) => entry.id, -1]];

/** Imports in memory, with the guarantees of the Mongo repository: tenant scope, conditional writes, events with the state. */
export class InMemoryImportRepository implements ImportRepository {
  private readonly rows = new Map<string, Import>();

  constructor(private readonly outbox: RecordingOutbox) {}

  async findById(tenantId: string, id: string): Promise<Import | null> {
    const entry = this.rows.get(id);
    return entry?.tenantId === tenantId ? structuredClone(entry) : null;
  }

  async insert(entry: Import): Promise<void> {
    if (this.rows.has(entry.id)) throw new Error(`An import ${entry.id} exists already`);
    this.rows.set(entry.id, structuredClone(entry));
  }

  async update(
    entry: Import,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const stored = this.rows.get(entry.id);
    if (stored?.tenantId !== entry.tenantId || stored.version !== expectedVersion) return 'stale';
    this.rows.set(entry.id, structuredClone(entry));
    this.outbox.record(entry.id, outbox);
    return 'written';
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<Import>> {
    const mine = [...this.rows.values()].filter((entry) => entry.tenantId === tenantId);
    return structuredClone(slicePage(mine, page, NEWEST_FIRST));
  }

  async listUnfinished(
    afterId: string | null,
    limit: number,
  ): Promise<Array<Pick<Import, 'id' | 'tenantId'>>> {
    return [...this.rows.values()]
      .filter(
        (entry) =>
          (entry.state === 'validating' || entry.state === 'applying') &&
          (afterId === null || entry.id > afterId),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((entry) => ({ id: entry.id, tenantId: entry.tenantId }));
  }
}
