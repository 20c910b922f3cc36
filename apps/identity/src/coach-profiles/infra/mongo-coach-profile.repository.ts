import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion, type OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type SortOrder, type WriteOutcome } from '@lms/kernel';
import { findOfTenantByIds, findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { CoachFilter, CoachProfile } from '../domain/coach-profile';
import type { CoachProfileRepository } from '../ports/coach-profile.repository';
import {
  COACH_FILTER_INDEX_MODEL,
  COACH_PROFILE_MODEL,
  coachFilterKey,
  type CoachFilterIndexDocument,
  type CoachProfileDocument,
} from './coach-profile.schema';

const WITHOUT_OUTBOX = { outbox: 0 } as const;

const ID_ORDER: SortOrder = [['_id', 1]];

/**
 * Profiles and the index of their filters. A coach is added to the index entries of its new
 * filters before the profile is written and removed from those it dropped only after, so that
 * the index never misses a coach (it may list one too many, which the callers check).
 */
@Injectable()
export class MongoCoachProfileRepository implements CoachProfileRepository {
  constructor(
    @InjectModel(COACH_PROFILE_MODEL) private readonly model: Model<CoachProfileDocument>,
    @InjectModel(COACH_FILTER_INDEX_MODEL) private readonly index: Model<CoachFilterIndexDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  async findById(tenantId: string, id: string): Promise<CoachProfile | null> {
    const profile = await this.findStored(tenantId, id);
    return profile && profile.deletedAt === null ? profile : null;
  }

  async findStored(tenantId: string, id: string): Promise<CoachProfile | null> {
    // By `_id` alone, which both engines serve from an index; the tenant is checked here.
    const doc = await this.model.findOne({ _id: id }, WITHOUT_OUTBOX).lean<CoachProfileDocument>().exec();
    return doc && doc.tenantId === tenantId ? toProfile(doc) : null;
  }

  async findByIds(tenantId: string, ids: readonly string[]): Promise<CoachProfile[]> {
    return (await findOfTenantByIds<CoachProfileDocument>(this.model, tenantId, ids)).map(toProfile);
  }

  async insert(profile: CoachProfile, outbox: readonly OutboxEntry[]): Promise<WriteOutcome> {
    await this.addToIndex(profile.tenantId, profile.id, profile.deletedAt ? [] : profile.filters);
    try {
      await this.model.create({ ...toDocument(profile), outbox: [...outbox] });
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'stale';
      throw error;
    }
    this.published(profile.id, outbox);
    return 'written';
  }

  async update(
    profile: CoachProfile,
    previous: CoachProfile,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome> {
    const filters = profile.deletedAt ? [] : profile.filters;
    await this.addToIndex(profile.tenantId, profile.id, filters);
    const { _id, tenantId, ...state } = toDocument(profile);
    // Exactly the fields of the `coach_profile_version` unique index.
    if (!(await writeIfVersion(this.model, { _id, tenantId, version: previous.version }, state, outbox)))
      return 'stale';
    const kept = new Set(filters.map((filter) => coachFilterKey(tenantId, filter)));
    await this.removeFromIndex(
      tenantId,
      profile.id,
      previous.filters.filter((filter) => !kept.has(coachFilterKey(tenantId, filter))),
    );
    this.published(profile.id, outbox);
    return 'written';
  }

  async listRecomputing(
    limit: number,
  ): Promise<Array<Pick<CoachProfile, 'id' | 'tenantId' | 'populationVersion'>>> {
    // A scan on the local stand-in (its non-unique indexes do nothing): coach profiles are few.
    const docs = await this.model
      .find({ populationRecomputedAt: null, deletedAt: null }, { _id: 1, tenantId: 1, populationVersion: 1 })
      .limit(limit)
      .lean<Array<Pick<CoachProfileDocument, '_id' | 'tenantId' | 'populationVersion'>>>()
      .exec();
    return docs.map((doc) => ({
      id: doc._id,
      tenantId: doc.tenantId,
      populationVersion: doc.populationVersion,
    }));
  }

  async list(tenantId: string, page: PageRequest): Promise<Page<CoachProfile>> {
    // MongoDB serves it from `{tenantId, _id}`; the stand-in scans (an administrator's page).
    return findPage(
      this.model.find({ tenantId, deletedAt: null }, WITHOUT_OUTBOX),
      ID_ORDER,
      page,
      toProfile,
    );
  }

  async coachIdsFilteringOn(tenantId: string, filters: readonly CoachFilter[]): Promise<string[]> {
    if (filters.length === 0) return [];
    const keys = [...new Set(filters.map((filter) => coachFilterKey(tenantId, filter)))];
    // By `_id: {$in}`: served from the `_id` index by both engines.
    const docs = await this.index
      .find({ _id: trusted({ $in: keys }) }, { coachIds: 1 })
      .lean<Array<Pick<CoachFilterIndexDocument, 'coachIds'>>>()
      .exec();
    return [...new Set(docs.flatMap((doc) => doc.coachIds))];
  }

  private async addToIndex(
    tenantId: string,
    coachId: string,
    filters: readonly CoachFilter[],
  ): Promise<void> {
    if (filters.length === 0) return;
    // One bulk of upserts by `_id`.
    await this.index.bulkWrite(
      filters.map((filter) => ({
        updateOne: {
          filter: { _id: coachFilterKey(tenantId, filter) },
          update: {
            $setOnInsert: { tenantId, field: filter.field, value: filter.value },
            $addToSet: { coachIds: coachId },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  private async removeFromIndex(
    tenantId: string,
    coachId: string,
    filters: readonly CoachFilter[],
  ): Promise<void> {
    if (filters.length === 0) return;
    await this.index.bulkWrite(
      filters.map((filter) => ({
        updateOne: {
          filter: { _id: coachFilterKey(tenantId, filter) },
          update: { $pull: { coachIds: coachId } },
        },
      })),
      { ordered: false },
    );
  }

  private published(id: string, outbox: readonly OutboxEntry[]): void {
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [id]);
  }
}

function toDocument(profile: CoachProfile): Omit<CoachProfileDocument, 'outbox'> {
  return {
    _id: profile.id,
    tenantId: profile.tenantId,
    learnerUserId: profile.learnerUserId,
    roleLearnerManager: profile.roleLearnerManager,
    roleCoach: profile.roleCoach,
    filters: profile.filters.map(({ field, value }) => ({ field, value })),
    populationVersion: profile.populationVersion,
    populationCursor: profile.populationCursor,
    populationRecomputedAt: profile.populationRecomputedAt,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    deletedAt: profile.deletedAt,
    version: profile.version,
  };
}

function toProfile(doc: CoachProfileDocument): CoachProfile {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerUserId: doc.learnerUserId,
    roleLearnerManager: doc.roleLearnerManager,
    roleCoach: doc.roleCoach,
    filters: (doc.filters ?? []).map(({ field, value }) => ({ field, value })),
    populationVersion: doc.populationVersion,
    populationCursor: doc.populationCursor ?? null,
    populationRecomputedAt: doc.populationRecomputedAt ? new Date(doc.populationRecomputedAt) : null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    deletedAt: doc.deletedAt ? new Date(doc.deletedAt) : null,
    version: doc.version,
  };
}
