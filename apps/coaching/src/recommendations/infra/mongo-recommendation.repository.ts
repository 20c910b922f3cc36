import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import type { Page, PageRequest, SortOrder } from '@lms/kernel';
import { findPage, InjectModel, isDuplicateKeyError } from '@lms/service-kit';
import type { Recommendation, RecommendationFilter } from '../domain/recommendation';
import type { RecommendationRepository } from '../ports/recommendation.repository';
import { RECOMMENDATION_MODEL, type RecommendationDocument } from './recommendation.schema';

/** Recommendations, newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['createdAt', -1],
  ['_id', -1],
];

@Injectable()
export class MongoRecommendationRepository implements RecommendationRepository {
  constructor(@InjectModel(RECOMMENDATION_MODEL) private readonly model: Model<RecommendationDocument>) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<RecommendationDocument> {
    return this.model.collection as unknown as mongo.Collection<RecommendationDocument>;
  }

  /**
   * One unordered bulk of upserts by `_id` that only ever insert: an existing recommendation is
   * left as it is. Two requests racing on the same one make a duplicate key for the later:
   * it exists, written by the other.
   */
  async insertIfAbsent(tenantId: string, recommendations: readonly Recommendation[]): Promise<string[]> {
    if (recommendations.length === 0) return [];
    const operations = recommendations.map(
      (recommendation): mongo.AnyBulkWriteOperation<RecommendationDocument> => {
        if (recommendation.tenantId !== tenantId)
          throw new Error('A recommendation of another tenant cannot be written here');
        const { _id, ...fields } = toDocument(recommendation);
        return { updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true } };
      },
    );
    try {
      const result = await this.collection().bulkWrite(operations, { ordered: false });
      return Object.values(result.upsertedIds ?? {}).map(String);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const partial = (error as { result?: { upsertedIds?: Record<number, unknown> } }).result?.upsertedIds;
      return Object.values(partial ?? {}).map(String);
    }
  }

  /** By `_id` alone; the tenant is checked on what comes back (another tenant's is missing). */
  async findById(tenantId: string, id: string): Promise<Recommendation | null> {
    const doc = await this.collection().findOne({ _id: id });
    return doc && doc.tenantId === tenantId ? toRecommendation(doc) : null;
  }

  /** One read by `_id: {$in}`. */
  async findMany(tenantId: string, ids: readonly string[]): Promise<Recommendation[]> {
    if (ids.length === 0) return [];
    const docs = await this.collection()
      .find({ _id: { $in: [...new Set(ids)] } })
      .toArray();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toRecommendation);
  }

  list(tenantId: string, filter: RecommendationFilter, page: PageRequest): Promise<Page<Recommendation>> {
    const narrowed = {
      tenantId,
      ...(filter.menteeId === undefined ? {} : { menteeId: filter.menteeId }),
      ...(filter.coachId === undefined ? {} : { coachId: filter.coachId }),
    };
    return findPage(this.model.find(narrowed), NEWEST_FIRST, page, toRecommendation);
  }

  /** By `_id` once the tenant is checked: a removal never reaches another tenant's recommendation. */
  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.findById(tenantId, id))) return;
    await this.collection().deleteOne({ _id: id });
  }
}

function toDocument(recommendation: Recommendation): RecommendationDocument {
  const { id, ...fields } = recommendation;
  return { _id: id, ...fields };
}

function toRecommendation(doc: RecommendationDocument): Recommendation {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    coachId: doc.coachId,
    menteeId: doc.menteeId,
    courseId: doc.courseId,
    note: doc.note ?? null,
    createdAt: new Date(doc.createdAt),
  };
}
