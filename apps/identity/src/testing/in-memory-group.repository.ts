import type { OutboxEntry } from '@lms/messaging';
import type { Group } from '../groups/domain/group';
import type { GroupRepository } from '../groups/ports/group.repository';
import type { RecordingOutbox } from './recording-outbox';

export class InMemoryGroupRepository implements GroupRepository {
  private readonly rows: Group[] = [];

  constructor(private readonly outbox: RecordingOutbox) {}

  async findById(tenantId: string, id: string): Promise<Group | null> {
    const group = this.rows.find((row) => row.tenantId === tenantId && row.id === id);
    return group ? structuredClone(group) : null;
  }

  async insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void> {
    // As the schema's `required`, which refuses an empty string before anything is written.
    if (group.name === '') throw new Error('A group needs a name');
    if (this.rows.some((row) => row.id === group.id)) throw new Error(`duplicate group id ${group.id}`);
    this.rows.push(structuredClone(group));
    this.outbox.record(group.id, outbox);
  }
}
