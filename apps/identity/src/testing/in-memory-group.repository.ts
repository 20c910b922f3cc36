import type { OutboxEntry } from '@lms/messaging';
import { slicePage, type MemorySortKey, type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Group } from '../groups/domain/group';
import type { GroupListFilter, GroupRepository } from '../groups/ports/group.repository';
import type { RecordingOutbox } from './recording-outbox';

/** The order of the Mongo repository's lists: by id. */
const ID_ORDER: ReadonlyArray<MemorySortKey<Group>> = [['_id', (group) => group.id, 1]];

export class InMemoryGroupRepository implements GroupRepository {
  private readonly rows: Group[] = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  async findById(tenantId: string, id: string): Promise<Group | null> {
    const group = this.rows.find((row) => row.tenantId === tenantId && row.id === id);
    return group && group.status !== 'deleted' ? structuredClone(group) : null;
  }

  async insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void> {
    // As the schema's `required`, which refuses an empty string before anything is written.
    if (group.name === '') throw new Error('A group needs a name');
    if (this.rows.some((row) => row.id === group.id)) throw new Error(`duplicate group id ${group.id}`);
    this.rows.push(structuredClone(group));
    this.outbox.record(group.id, outbox);
  }

  async update(group: Group, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    const index = this.rows.findIndex((row) => row.id === group.id && row.tenantId === group.tenantId);
    if (index < 0 || this.rows[index].version !== expectedVersion) return 'stale';
    this.rows[index] = structuredClone(group);
    this.outbox.record(group.id, outbox);
    return 'written';
  }

  async list(tenantId: string, filter: GroupListFilter, page: PageRequest): Promise<Page<Group>> {
    const prefix = filter.namePrefix?.toLowerCase();
    const matching = this.rows.filter(
      (row) =>
        row.tenantId === tenantId &&
        row.status !== 'deleted' &&
        (filter.confidentiality === undefined || row.confidentiality === filter.confidentiality) &&
        (prefix === undefined || row.name.toLowerCase().startsWith(prefix)) &&
        (filter.visible === undefined ||
          filter.visible.groupIds.includes(row.id) ||
          (filter.visible.orPublic && row.confidentiality === 'public')),
    );
    return structuredClone(slicePage(matching, page, ID_ORDER));
  }

  async listDeleting(afterId: string | null, limit: number): Promise<Array<Pick<Group, 'id' | 'tenantId'>>> {
    return this.rows
      .filter((row) => row.status === 'deleting' && (afterId === null || row.id > afterId))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((row) => ({ id: row.id, tenantId: row.tenantId }));
  }
}
