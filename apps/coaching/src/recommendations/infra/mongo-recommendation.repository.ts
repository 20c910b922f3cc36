import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { asOutboxCollection, OutboxRelay, writeIfVersion } from '@lms/messaging';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { Recommendation, RecommendationFilter } from '../domain/recommendation';
import type { RecommendationRepository, RecommendationWithEvents } from '../ports/recommendation.repository';
import { RECOMMENDATION_MODEL, type RecommendationDocument } from './recommendation.schema';

/** Recommendations, newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];

const WITHOUT_OUTBOX = { projection: { outbox: 0 } } as const;

@Injectable()
export class MongoRecommendationRepository implements RecommendationRepository {
  constructor(
    @InjectModel(RECOMMENDATION_MODEL) private readonly model: Model<RecommendationDocument>,
    private readonly relay: OutboxRelay,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<RecommendationDocument> {
    return this.model.collection as unknown as mongo.Collection<RecommendationDocument>;
  }

  /**
   * One unordered bulk of upserts by `_id` that only ever insert: an existing recommendation (a
   * tombstone included) is left as it is, and its events are not written. Two requests racing
   * on the same one make a duplicate key for the later: it exists, written by the other.
   */
  async insertIfAbsent(tenantId: string, items: readonly RecommendationWithEvents[]): Promise<string[]> {
    if (items.length === 0) return [];
    const operations = items.map(
      ({ recommendation, outbox }): mongo.AnyBulkWriteOperation<RecommendationDocument> => {
        if (recommendation.tenantId !== tenantId)
          throw new Error('A recommendation of another tenant cannot be written here');
        const { _id, ...fields } = toDocument(recommendation);
        return {
          updateOne: {
            filter: { _id },
            update: { $setOnInsert: { ...fields, outbox: [...outbox] } },
            upsert: true,
          },
        };
      },
    );
    let ids: string[];
    try {
      const result = await this.collection().bulkWrite(operations, { ordered: false });
      ids = Object.values(result.upsertedIds ?? {}).map(String);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const partial = (error as { result?: { upsertedIds?: Record<number, unknown> } }).result?.upsertedIds;
      ids = Object.values(partial ?? {}).map(String);
    }
    // Only the upserts that inserted wrote their entries: those are published from memory.
    const written = new Map(items.map(({ recommendation, outbox }) => [recommendation.id, outbox]));
    if (ids.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), ids, written);
    return ids;
  }

  /** Compare-and-set on exactly the fields of the `recommendation_version` unique index. */
  async save(tenantId: string, changed: RecommendationWithEvents, expectedVersion: number): Promise<boolean> {
    const { recommendation, outbox } = changed;
    if (recommendation.tenantId !== tenantId)
      throw new Error('A recommendation of another tenant cannot be written here');
    const { _id, tenantId: _tenant, ...state } = toDocument(recommendation);
    const key = { _id, tenantId, version: expectedVersion };
    if (!(await writeIfVersion(this.model, key, state, outbox))) return false;
    if (outbox.length > 0) this.relay.publishSoon(asOutboxCollection(this.model), [_id]);
    return true;
  }

  /** By `_id` alone; the tenant is checked on what comes back (another tenant's is missing). */
  async findById(tenantId: string, id: string): Promise<Recommendation | null> {
    const doc = await this.collection().findOne({ _id: id }, WITHOUT_OUTBOX);
    return doc && doc.tenantId === tenantId && !doc.removedAt ? toRecommendation(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, ids: readonly string[]): Promise<Recommendation[]> {
    if (ids.length === 0) return [];
    const docs = await this.collection()
      .find({ _id: { $in: [...new Set(ids)] } }, WITHOUT_OUTBOX)
      .toArray();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toRecommendation);
  }

  list(tenantId: string, filter: RecommendationFilter, page: PageRequest): Promise<Page<Recommendation>> {
    const narrowed = {
      tenantId,
      ...(filter.menteeId === undefined ? {} : { menteeId: filter.menteeId }),
      ...(filter.coachId === undefined ? {} : { coachId: filter.coachId }),
      removedAt: null,
    };
    return findPage(this.model.find(narrowed, { outbox: 0 }), NEWEST_FIRST, page, toRecommendation);
  }
}

function toDocument(recommendation: Recommendation): Omit<RecommendationDocument, 'outbox'> {
  const { id, ...fields } = recommendation;
  return { _id: id, ...fields };
}

function toRecommendation(doc: Omit<RecommendationDocument, 'outbox'>): Recommendation {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    coachId: doc.coachId,
    menteeId: doc.menteeId,
    courseId: doc.courseId,
    note: doc.note ?? null,
    createdAt: new Date(doc.createdAt),
    removedAt: doc.removedAt ? new Date(doc.removedAt) : null,
    version: doc.version,
  };
}
