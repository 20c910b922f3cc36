import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, type OutboxEntry } from '@lms/messaging';
import { InjectModel } from '@lms/service-kit';
import type { Group } from '../domain/group';
import type { GroupRepository } from '../ports/group.repository';
import { GROUP_MODEL, type GroupDocument } from './group.schema';

@Injectable()
export class MongoGroupRepository implements GroupRepository {
  constructor(
    @InjectModel(GROUP_MODEL) private readonly model: Model<GroupDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<Group | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, { outbox: 0 }).lean<GroupDocument>().exec();
    return doc && doc.tenantId === tenantId ? toGroup(doc) : null;
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

function toGroup(doc: GroupDocument): Group {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    name: doc.name,
    confidentiality: doc.confidentiality,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
