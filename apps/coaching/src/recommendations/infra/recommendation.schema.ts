import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { MAX_NOTE_LENGTH } from '../domain/recommendation';

export interface RecommendationDocument {
  /** Named after the tenant, coach, mentee and course (see recommendationIdOf). */
  _id: string;
  tenantId: string;
  coachId: string;
  menteeId: string;
  courseId: string;
  note: string | null;
  createdAt: Date;
  /** Set once removed: the document stays as a tombstone, for its events and its version. */
  removedAt: Date | null;
  version: number;
  outbox: OutboxEntry[];
}

export const RECOMMENDATION_MODEL = 'CourseRecommendation';

export const RecommendationSchema = new Schema<RecommendationDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    coachId: { type: String, required: true },
    menteeId: { type: String, required: true },
    courseId: { type: String, required: true },
    note: { type: String, default: null, maxlength: MAX_NOTE_LENGTH },
    createdAt: { type: Date, required: true },
    removedAt: { type: Date, default: null },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'course_recommendations', versionKey: false },
);

// Inserts, reads of one or many go by `_id` (the name-based id of the natural key: recommending
// again writes nothing), which both engines serve from the `_id` index; the tenant is checked in
// code.
// Compare-and-set of a removal or of a recommendation made again: exactly these fields, so that
// the local stand-in serves the filter from an index too (MongoDB uses `_id`).
RecommendationSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'recommendation_version' },
);
// The lists of live recommendations, newest first: real MongoDB only, the local stand-in scans
// (non-unique). `_id` last so that the order of recommendations of the same instant is served too.
// A mentee's own list, an administrator's narrowed to one mentee, and a coach's narrowed to one
// mentee (its few recommendations to that mentee filtered by coach).
RecommendationSchema.index({ tenantId: 1, menteeId: 1, removedAt: 1, createdAt: -1, _id: -1 });
// A coach's list of everything it recommended.
RecommendationSchema.index({ tenantId: 1, coachId: 1, removedAt: 1, createdAt: -1, _id: -1 });
// An administrator's list of the whole tenant.
RecommendationSchema.index({ tenantId: 1, removedAt: 1, createdAt: -1, _id: -1 });
