import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder, WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { Group } from '../domain/group';
import type { GroupListFilter, GroupRepository } from '../ports/group.repository';
import { GROUP_MODEL, type GroupDocument } from './group.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** Groups oldest first: ids are UUIDv7. */
const ID_ORDER: SortOrder = [['_id', 1]];

const NOT_DELETED = ['active', 'deleting'] as const;

@Injectable()
export class MongoGroupRepository implements GroupRepository {
  constructor(
    @InjectModel(GROUP_MODEL) private readonly model: Model<GroupDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<Group | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<GroupDocument>().exec();
    return doc && doc.tenantId === tenantId && doc.status !== 'deleted' ? toGroup(doc) : null;
  }

  async insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void> {
    await this.model.create({ ...toDocument(group), outbox: [...outbox] });
    this.relay.publishSoon(asOutboxCollection(this.model), [group.id]);
  }

  async update(group: Group, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(group);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [group.id]);
    return 'written';
  }

  async list(tenantId: string, filter: GroupListFilter, page: PageRequest): Promise<Page<Group>> {
    const query: Record<string, unknown> = { tenantId, status: trusted({ $in: NOT_DELETED }) };
    if (filter.confidentiality !== undefined) query.confidentiality = filter.confidentiality;
    if (filter.namePrefix !== undefined)
      query.name = trusted({ $regex: `^${literal(filter.namePrefix)}`, $options: 'i' });
    if (filter.visible !== undefined) {
      const ids = { _id: trusted({ $in: [...filter.visible.groupIds] }) };
      query.$or = filter.visible.orPublic ? [ids, { confidentiality: 'public' }] : [ids];
    }
    return findPage(this.model.find(query, WITHOUT_OUTBOX), ID_ORDER, page, toGroup);
  }

  async listDeleting(afterId: string | null, limit: number): Promise<Array<Pick<Group, 'id' | 'tenantId'>>> {
    const docs = await this.model
      .find(
        { status: 'deleting', ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }) },
        { _id: 1, tenantId: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<Pick<GroupDocument, '_id' | 'tenantId'>>>()
      .exec();
    return docs.map((doc) => ({ id: doc._id, tenantId: doc.tenantId }));
  }
}

/** The characters a regular expression reads as syntax, escaped so that a prefix is taken literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toDocument(group: Group): Omit<GroupDocument, 'outbox'> {
  return {
    _id: group.id,
    tenantId: group.tenantId,
    name: group.name,
    confidentiality: group.confidentiality,
    status: group.status,
    deletion: group.deletion ? { ...group.deletion } : null,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
    version: group.version,
  };
}

function toGroup(doc: GroupDocument): Group {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    name: doc.name,
    confidentiality: doc.confidentiality,
    status: doc.status ?? 'active',
    deletion: doc.deletion
      ? { requestedAt: new Date(doc.deletion.requestedAt), membersRemoved: doc.deletion.membersRemoved }
      : null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
