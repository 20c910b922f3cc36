import type { Model } from 'mongoose';
import { asOutboxCollection, type OutboxEntry, type OutboxRelay } from '@lms/messaging';
import type { Group } from '../domain/group';
import type { GroupRepository } from '../ports/group.repository';
import type { GroupRecord } from './group.schema';

export class MongoGroupRepository implements GroupRepository {
  constructor(
    private readonly model: Model<GroupRecord>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<Group | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const record = await this.model.findOne({ _id: id }, { outbox: 0 }).lean<GroupRecord>().exec();
    return record && record.tenantId === tenantId ? toGroup(record) : null;
  }

  async insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void> {
    await this.model.create({
      _id: group.id,
      tenantId: group.tenantId,
      name: group.name,
      confidentiality: group.confidentiality,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
      version: group.version,
      outbox: [...outbox],
    });
    this.relay.publishSoon(asOutboxCollection(this.model), [group.id]);
  }
}

function toGroup(record: GroupRecord): Group {
  return {
    id: record._id,
    tenantId: record.tenantId,
    name: record.name,
    confidentiality: record.confidentiality,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    version: record.version,
  };
}
