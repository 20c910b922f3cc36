import { Schema } from 'mongoose';

export interface LearnerRecommendationDocument {
  /** The natural key, `${tenantId}:${recommendationId}` (see learnerRecommendationKey). */
  _id: string;
  tenantId: string;
  recommendationId: string;
  userId: string;
  coachId: string;
  courseId: string;
  courseTitle: string | null;
  note: string | null;
  recommendedAt: Date;
  live: boolean;
  version: number;
  updatedAt: Date;
}

export const LEARNER_RECOMMENDATION_MODEL = 'LearnerRecommendation';

export const LearnerRecommendationSchema = new Schema<LearnerRecommendationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    recommendationId: { type: String, required: true },
    userId: { type: String, required: true },
    coachId: { type: String, required: true },
    courseId: { type: String, required: true },
    courseTitle: { type: String, default: null },
    note: { type: String, default: null },
    recommendedAt: { type: Date, required: true },
    live: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'recommendations', versionKey: false },
);

// One document per recommendation, keyed by its natural key as `_id`: a batch reads by
// `_id: {$in}` and writes by `_id`. This index only makes the compare-and-set filter
// `{_id, version}` an exact match of a unique index, which the local stand-in then serves from
// an index too (MongoDB uses `_id`).
LearnerRecommendationSchema.index({ _id: 1, version: 1 }, { unique: true });
// A learner's list, newest first (`GET /v1/me/recommendations`): non-unique, real MongoDB only;
// the stand-in scans the projection. `_id` last so that recommendations of one instant page too.
LearnerRecommendationSchema.index({ tenantId: 1, userId: 1, live: 1, recommendedAt: -1, _id: -1 });
