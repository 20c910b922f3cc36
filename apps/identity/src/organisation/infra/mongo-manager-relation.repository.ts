import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder, WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { ManagerRelation } from '../domain/manager-relation';
import type { ManagerRelationRepository } from '../ports/manager-relation.repository';
import { MANAGER_RELATION_MODEL, type ManagerRelationDocument } from './manager-relation.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** A manager's managees in the order the relations were first made (UUIDv7 ids). */
const ID_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoManagerRelationRepository implements ManagerRelationRepository {
  constructor(
    @InjectModel(MANAGER_RELATION_MODEL) private readonly model: Model<ManagerRelationDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async find(tenantId: string, managerId: string, manageeId: string): Promise<ManagerRelation | null> {
    // Exactly the fields of the unique index: served from it on both engines.
    const doc = await this.model
      .findOne({ tenantId, managerId, manageeId }, WITHOUT_OUTBOX)
      .lean<ManagerRelationDocument>()
      .exec();
    return doc ? toRelation(doc) : null;
  }

  async insert(relation: ManagerRelation, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    try {
      await this.model.create({ ...toDocument(relation), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
    this.published(relation.id, outbox);
    return 'written';
  }

  async update(
    relation: ManagerRelation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(relation);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    this.published(relation.id, outbox);
    return 'written';
  }

  async listManagees(tenantId: string, managerId: string, page: PageRequest): Promise<Page<ManagerRelation>> {
    const query = { tenantId, managerId, status: 'active' as const };
    return findPage(this.model.find(query, WITHOUT_OUTBOX), ID_ORDER, page, toRelation);
  }

  async hasManagees(tenantId: string, managerId: string): Promise<boolean> {
    const doc = await this.model
      .findOne({ tenantId, managerId, status: 'active' }, { _id: 1 })
      .lean<Pick<ManagerRelationDocument, '_id'>>()
      .exec();
    return doc !== null;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(relation: ManagerRelation): Omit<ManagerRelationDocument, 'outbox'> {
  return {
    _id: relation.id,
    tenantId: relation.tenantId,
    managerId: relation.managerId,
    manageeId: relation.manageeId,
    status: relation.status,
    createdAt: relation.createdAt,
    updatedAt: relation.updatedAt,
    removedAt: relation.removedAt,
    version: relation.version,
  };
}

function toRelation(doc: ManagerRelationDocument): ManagerRelation {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    managerId: doc.managerId,
    manageeId: doc.manageeId,
    status: doc.status,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    removedAt: doc.removedAt ? new Date(doc.removedAt) : null,
    version: doc.version,
  };
}
