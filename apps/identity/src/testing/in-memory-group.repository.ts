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
    if (this.rows.some((row) => row.id === group.id)) throw new Error(`duplicate group id ${group.id}`);
    this.rows.push(structuredClone(group));
    this.outbox.record(outbox);
  }
}
