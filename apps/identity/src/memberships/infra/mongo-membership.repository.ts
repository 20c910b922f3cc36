import { Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { trusted, type Model } from 'mongoose';
import {
  asOutboxCollection,
  insertManyWithOutbox,
  OutboxRelay,
  writeIfVersion,
  type OutboxEntry,
} from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { Membership } from '../domain/membership';
import type {
  MemberListFilter,
  MembershipInsert,
  MembershipRepository,
} from '../ports/membership.repository';
import { MEMBERSHIP_MODEL, type MembershipDocument } from './membership.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

/** A list of memberships by id. */
const ID_ORDER: SortOrder = [['_id', 1]];

@Injectable()
export class MongoMembershipRepository implements MembershipRepository {
  constructor(
    @InjectModel(MEMBERSHIP_MODEL) private readonly model: Model<MembershipDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async find(tenantId: string, groupId: string, userId: string): Promise<Membership | null> {
    const doc = await this.model
      .findOne({ tenantId, groupId, userId }, WITHOUT_OUTBOX)
      .lean<MembershipDocument>()
      .exec();
    return doc ? toMembership(doc) : null;
  }

  async insert(membership: Membership, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    try {
      await this.model.create({ ...toDocument(membership), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
    this.published(membership.id, outbox);
    return 'written';
  }

  async insertMany(memberships: readonly MembershipInsert[]): Promise<WriteOutcome[]> {
    if (memberships.length === 0) return [];
    const written = await insertManyWithOutbox(
      this.model,
      this.relay,
      memberships.map(({ membership, outbox }) => ({ document: { ...toDocument(membership) }, outbox })),
    );
    return written.map((was) => (was ? 'written' : 'stale'));
  }

  async update(
    membership: Membership,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const { _id, tenantId, ...state } = toDocument(membership);
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: expectedVersion }, state, outbox)))
      return 'stale';
    this.published(membership.id, outbox);
    return 'written';
  }

  async listActive(
    tenantId: string,
    groupId: string,
    filter: MemberListFilter,
    page: PageRequest,
  ): Promise<Page<Membership>> {
    const query = {
      tenantId,
      groupId,
      status: 'active' as const,
      ...(filter.role ? { roles: filter.role } : {}),
    };
    return findPage(this.model.find(query, WITHOUT_OUTBOX), ID_ORDER, page, toMembership);
  }

  async groupIdsOfMember(
    tenantId: string,
    userId: string,
    roles: readonly GroupRole[],
    limit: number,
  ): Promise<string[]> {
    const docs = await this.model
      .find({ tenantId, userId, status: 'active', roles: trusted({ $in: [...roles] }) }, { groupId: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Array<Pick<MembershipDocument, 'groupId'>>>()
      .exec();
    return docs.map((doc) => doc.groupId);
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(membership: Membership): Omit<MembershipDocument, 'outbox'> {
  return {
    _id: membership.id,
    tenantId: membership.tenantId,
    groupId: membership.groupId,
    userId: membership.userId,
    roles: [...membership.roles],
    status: membership.status,
    createdAt: membership.createdAt,
    updatedAt: membership.updatedAt,
    removedAt: membership.removedAt,
    version: membership.version,
  };
}

function toMembership(doc: MembershipDocument): Membership {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    groupId: doc.groupId,
    userId: doc.userId,
    roles: [...doc.roles],
    status: doc.status,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    removedAt: doc.removedAt ? new Date(doc.removedAt) : null,
    version: doc.version,
  };
}
