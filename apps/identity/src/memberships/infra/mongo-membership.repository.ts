import { Injectable } from '@nestjs/common';
import type { GroupRole } from '@lms/contracts';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
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
    const documents = memberships.map(({ membership, outbox }) => ({
      ...toDocument(membership),
      outbox: [...outbox],
    }));
    const outcomes = memberships.map((): WriteOutcome => 'written');
    try {
      // One unordered bulk through the driver: no mongoose document per membership.
      await this.model.collection.insertMany(documents as never[], { ordered: false });
    } catch (error) {
      const duplicates = duplicateIndexes(error);
      if (duplicates === null) throw error;
      for (const index of duplicates) outcomes[index] = 'stale';
    }
    const written = new Map(
      memberships.flatMap(({ membership, outbox }, at) =>
        outcomes[at] === 'written' && outbox.length > 0 ? [[membership.id, outbox] as const] : [],
      ),
    );
    if (written.size > 0)
      this.relay.publishSoon(asOutboxCollection(this.model), [...written.keys()], written);
    return outcomes;
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

/**
 * The indexes of the writes an unordered bulk insert refused as duplicates, or null when it
 * failed otherwise (then nothing is known of what it wrote).
 */
function duplicateIndexes(error: unknown): number[] | null {
  if (!isDuplicateKeyError(error)) return null;
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const indexes = list.map((e) => Number((e as { index?: unknown }).index));
  return indexes.length === 0 || indexes.some((i) => Number.isNaN(i)) ? null : indexes;
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
