import { Injectable } from '@nestjs/common';
import { foldNewestState, type Page, type PageRequest, type SortOrder } from '@lms/kernel';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, findPage, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  learnerRecommendationKey,
  type LearnerRecommendation,
  type LearnerRecommendationChange,
} from '../domain/learner-recommendation';
import type {
  LearnerRecommendationRepository,
  RecommendationOutcome,
} from '../ports/learner-recommendation.repository';
import {
  LEARNER_RECOMMENDATION_MODEL,
  type LearnerRecommendationDocument,
} from './learner-recommendation.schema';

/** A learner's recommendations, newest first, ties by id. */
const NEWEST_FIRST: SortOrder = [
  ['recommendedAt', -1],
  ['_id', -1],
];

/** How the projection takes a batch of recommendation changes (see applyVersionedBatch). */
const RECOMMENDATION_BATCH: VersionedBatchPlan<
  LearnerRecommendationChange,
  LearnerRecommendationChange,
  LearnerRecommendationDocument
> = {
  what: 'Recommendations',
  keyOf: (change) => learnerRecommendationKey(change.tenantId, change.recommendationId),
  fold: foldNewestState,
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...toFields(write) }),
  // Every event carries the whole state: the write sets every field but the key's.
  toSet: (write) => {
    const { tenantId: _tenantId, recommendationId: _id, ...fields } = toFields(write);
    return fields;
  },
};

@Injectable()
export class MongoLearnerRecommendationRepository implements LearnerRecommendationRepository {
  constructor(
    @InjectModel(LEARNER_RECOMMENDATION_MODEL) private readonly model: Model<LearnerRecommendationDocument>,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<LearnerRecommendationDocument> {
    return this.model.collection as unknown as mongo.Collection<LearnerRecommendationDocument>;
  }

  /**
   * Read, decide, write, without a scan on either engine (applyVersionedBatch): a write only
   * ever replaces the version it read with a newer one, so a redelivered event changes nothing.
   */
  applyMany(changes: readonly LearnerRecommendationChange[]): Promise<RecommendationOutcome[]> {
    return applyVersionedBatch(this.collection(), changes, RECOMMENDATION_BATCH);
  }

  listOf(tenantId: string, userId: string, page: PageRequest): Promise<Page<LearnerRecommendation>> {
    return findPage(this.model.find({ tenantId, userId, live: true }), NEWEST_FIRST, page, toRecommendation);
  }
}

/** The stored fields of a recommendation, a copy of what the change carries. */
function toFields(r: LearnerRecommendation): Omit<LearnerRecommendationDocument, '_id'> {
  return {
    tenantId: r.tenantId,
    recommendationId: r.recommendationId,
    userId: r.userId,
    coachId: r.coachId,
    courseId: r.courseId,
    courseTitle: r.courseTitle,
    note: r.note,
    recommendedAt: new Date(r.recommendedAt),
    live: r.live,
    version: r.version,
    updatedAt: new Date(r.updatedAt),
  };
}

function toRecommendation(doc: LearnerRecommendationDocument): LearnerRecommendation {
  return {
    tenantId: doc.tenantId,
    recommendationId: doc.recommendationId,
    userId: doc.userId,
    coachId: doc.coachId,
    courseId: doc.courseId,
    courseTitle: doc.courseTitle ?? null,
    note: doc.note ?? null,
    recommendedAt: new Date(doc.recommendedAt),
    live: doc.live,
    version: doc.version,
    updatedAt: new Date(doc.updatedAt),
  };
}
