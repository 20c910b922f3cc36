import { Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, SortOrder, WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel } from '@lms/service-kit';
import type { OrganisationNode, Team, Unit } from '../domain/organisation-node';
import type { OrganisationNodeRepository } from '../ports/organisation-node.repository';
import { ORGANISATION_NODE_MODEL, type OrganisationNodeDocument } from './organisation-node.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** Lists in creation order: ids (UUIDv7) grow with the time they were made. */
const CREATION_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoOrganisationNodeRepository implements OrganisationNodeRepository {
  constructor(
    @InjectModel(ORGANISATION_NODE_MODEL) private readonly model: Model<OrganisationNodeDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<OrganisationNode | null> {
    // By `_id` alone, which both engines serve from an index; the tenant and tombstone are checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<OrganisationNodeDocument>().exec();
    return doc && doc.tenantId === tenantId && !doc.deletedAt ? toNode(doc) : null;
  }

  async insert(node: OrganisationNode, outbox: readonly OutboxEntry[]): Promise<void> {
    await this.model.create({ ...toDocument(node), outbox: [...outbox] });
    this.published(node.id, outbox);
  }

  async update(
    node: OrganisationNode,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(node);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    this.published(node.id, outbox);
    return 'written';
  }

  async listUnits(tenantId: string, page: PageRequest): Promise<Page<Unit>> {
    const query = { tenantId, kind: 'unit' as const, unitId: null, deletedAt: null };
    return findPage(
      this.model.find(query, WITHOUT_OUTBOX),
      CREATION_ORDER,
      page,
      (doc: OrganisationNodeDocument) => toNode(doc) as Unit,
    );
  }

  async listTeams(tenantId: string, unitId: string, page: PageRequest): Promise<Page<Team>> {
    const query = { tenantId, kind: 'team' as const, unitId, deletedAt: null };
    return findPage(
      this.model.find(query, WITHOUT_OUTBOX),
      CREATION_ORDER,
      page,
      (doc: OrganisationNodeDocument) => toNode(doc) as Team,
    );
  }

  async hasTeams(tenantId: string, unitId: string): Promise<boolean> {
    return this.exists({ tenantId, kind: 'team', unitId, deletedAt: null });
  }

  async managesAny(tenantId: string, userId: string): Promise<boolean> {
    return this.exists({ tenantId, managerIds: userId, deletedAt: null });
  }

  async memberOfAny(tenantId: string, userId: string): Promise<boolean> {
    return this.exists({ tenantId, memberIds: userId, deletedAt: null });
  }

  private async exists(filter: Record<string, unknown>): Promise<boolean> {
    const doc = await this.model
      .findOne(filter, { _id: 1 })
      .lean<Pick<OrganisationNodeDocument, '_id'>>()
      .exec();
    return doc !== null;
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(node: OrganisationNode): Omit<OrganisationNodeDocument, 'outbox'> {
  return {
    _id: node.id,
    tenantId: node.tenantId,
    kind: node.kind,
    unitId: node.unitId,
    name: node.name,
    managerIds: [...node.managerIds],
    memberIds: [...node.memberIds],
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    deletedAt: node.deletedAt,
    version: node.version,
  };
}

function toNode(doc: OrganisationNodeDocument): OrganisationNode {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    kind: doc.kind,
    unitId: doc.unitId ?? null,
    name: doc.name,
    managerIds: [...(doc.managerIds ?? [])],
    memberIds: [...(doc.memberIds ?? [])],
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    deletedAt: doc.deletedAt ? new Date(doc.deletedAt) : null,
    version: doc.version,
  };
}
