import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import { populationMemberId, type PopulationMember } from '../domain/population-member';
import type { CoachPopulationRepository, PopulationMemberWrite } from '../ports/coach-population.repository';
import {
  POPULATION_MEMBER_MODEL,
  POPULATION_USER_MODEL,
  populationUserId,
  type PopulationMemberDocument,
  type PopulationUserDocument,
} from './coach-population.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

const USER_ORDER: SortOrder = [
  ['userId', 1],
  ['_id', 1],
];

@Injectable()
export class MongoCoachPopulationRepository implements CoachPopulationRepository {
  constructor(
    @InjectModel(POPULATION_MEMBER_MODEL) private readonly members: Model<PopulationMemberDocument>,
    @InjectModel(POPULATION_USER_MODEL) private readonly users: Model<PopulationUserDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findMembers(
    tenantId: string,
    pairs: ReadonlyArray<{ coachId: string; userId: string }>,
  ): Promise<PopulationMember[]> {
    if (pairs.length === 0) return [];
    const ids = [...new Set(pairs.map((pair) => populationMemberId(tenantId, pair.coachId, pair.userId)))];
    // By `_id: {$in}`: served from an index by both engines.
    const docs = await this.members
      .find({ _id: trusted({ $in: ids }) }, WITHOUT_OUTBOX)
      .lean<PopulationMemberDocument[]>()
      .exec();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toMember);
  }

  async writeMembers(writes: readonly PopulationMemberWrite[]): Promise<string[]> {
    const stale = [
      ...(await this.insertAll(writes.filter((write) => write.expectedVersion === null))),
      ...(await this.compareAndSetAll(writes.filter((write) => write.expectedVersion !== null))),
    ];
    const lost = new Set(stale);
    const written = writes.filter((write) => !lost.has(write.member.id) && write.outbox.length > 0);
    if (written.length > 0) {
      this.relay.publishSoon(
        asOutboxCollection(this.members),
        written.map((write) => write.member.id),
      );
      await this.relay.backpressure();
    }
    return stale;
  }

  async listMembers(tenantId: string, coachId: string, page: PageRequest): Promise<Page<PopulationMember>> {
    // MongoDB serves it from `{tenantId, coachId, status, userId}`; the stand-in scans (a page).
    return findPage(
      this.members.find({ tenantId, coachId, status: 'member' }, WITHOUT_OUTBOX),
      USER_ORDER,
      page,
      toMember,
    );
  }

  async deleteCoach(tenantId: string, coachId: string): Promise<void> {
    // A scan on the stand-in: a profile's deletion, a cold path.
    await this.members.deleteMany({ tenantId, coachId }).exec();
  }

  async coachesOfUsers(tenantId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
    const byUser = new Map<string, string[]>();
    if (userIds.length === 0) return byUser;
    // By `_id: {$in}`: served from an index by both engines.
    const docs = await this.users
      .find({ _id: trusted({ $in: [...new Set(userIds)].map((id) => populationUserId(tenantId, id)) }) })
      .lean<PopulationUserDocument[]>()
      .exec();
    for (const doc of docs)
      if (doc.tenantId === tenantId && doc.coachIds.length > 0) byUser.set(doc.userId, [...doc.coachIds]);
    return byUser;
  }

  async rememberCoaches(
    tenantId: string,
    coachesByUser: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    if (coachesByUser.size === 0) return;
    // One bulk of upserts by `_id`.
    await this.users.bulkWrite(
      [...coachesByUser].map(([userId, coachIds]) => ({
        updateOne: {
          filter: { _id: populationUserId(tenantId, userId) },
          update: { $setOnInsert: { tenantId, userId }, $addToSet: { coachIds: { $each: [...coachIds] } } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  async forgetCoaches(
    tenantId: string,
    coachesByUser: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    if (coachesByUser.size === 0) return;
    await this.users.bulkWrite(
      [...coachesByUser].map(([userId, coachIds]) => ({
        updateOne: {
          filter: { _id: populationUserId(tenantId, userId) },
          update: { $pull: { coachIds: { $in: [...coachIds] } } },
        },
      })),
      { ordered: false },
    );
  }

  /** Inserts in one unordered bulk; answers the ids another writer inserted first. */
  private async insertAll(writes: readonly PopulationMemberWrite[]): Promise<string[]> {
    if (writes.length === 0) return [];
    const documents = writes.map((write) => ({ ...toDocument(write.member), outbox: [...write.outbox] }));
    try {
      await this.members.collection.insertMany(documents as never[], { ordered: false });
      return [];
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const failed = failedIndexes(error);
      if (failed === null) throw error;
      return failed.map((index) => documents[index]._id);
    }
  }

  /**
   * Compare-and-sets in one unordered bulk on `{_id, version}` (a unique index); when some
   * matched nothing, the versions are read again to tell which.
   */
  private async compareAndSetAll(writes: readonly PopulationMemberWrite[]): Promise<string[]> {
    if (writes.length === 0) return [];
    const result = await this.members.bulkWrite(
      writes.map((write) => {
        const { _id, ...state } = toDocument(write.member);
        return {
          updateOne: {
            filter: { _id, version: write.expectedVersion ?? 0 },
            update: { $set: state, $push: { outbox: { $each: [...write.outbox] } } },
          },
        };
      }),
      { ordered: false },
    );
    if (result.matchedCount === writes.length) return [];
    const after = await this.members
      .find({ _id: trusted({ $in: writes.map((write) => write.member.id) }) }, { version: 1 })
      .lean<Array<Pick<PopulationMemberDocument, '_id' | 'version'>>>()
      .exec();
    const versions = new Map(after.map((doc) => [doc._id, doc.version]));
    // Ours took when the stored version is the one written (no other writer writes it: it decided from ours).
    return writes
      .filter((write) => versions.get(write.member.id) !== write.member.version)
      .map((write) => write.member.id);
  }
}

/** The indexes of the failed operations of an unordered bulk write error, or null when unknown. */
function failedIndexes(error: unknown): number[] | null {
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const indexes = list.map((e) => Number((e as { index?: unknown }).index));
  return indexes.length === 0 || indexes.some((i) => Number.isNaN(i)) ? null : indexes;
}

function toDocument(member: PopulationMember): Omit<PopulationMemberDocument, 'outbox'> {
  return {
    _id: member.id,
    tenantId: member.tenantId,
    coachId: member.coachId,
    userId: member.userId,
    status: member.status,
    userVersion: member.userVersion,
    populationVersion: member.populationVersion,
    updatedAt: member.updatedAt,
    version: member.version,
  };
}

function toMember(doc: PopulationMemberDocument): PopulationMember {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    coachId: doc.coachId,
    userId: doc.userId,
    status: doc.status,
    userVersion: doc.userVersion,
    populationVersion: doc.populationVersion,
    updatedAt: new Date(doc.updatedAt),
    version: doc.version,
  };
}
