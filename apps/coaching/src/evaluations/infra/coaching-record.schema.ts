import { Schema } from 'mongoose';
import {
  MAX_COMMENT_LENGTH,
  MAX_NOTES_LENGTH,
  MAX_OUTCOME_LENGTH,
  MAX_SKILL_LENGTH,
  RECORD_KINDS,
  EVALUATION_SCORE_MAX,
  EVALUATION_SCORE_MIN,
  type RecordKind,
} from '../domain/coaching-record';

/**
 * One evaluation or coaching session (CO-W3). The content's fields are those of its kind:
 * `skill`, `score`, `comment` for an evaluation; `date`, `notes`, `outcome` for a session.
 */
export interface CoachingRecordDocument {
  _id: string;
  tenantId: string;
  kind: RecordKind;
  menteeId: string;
  authorId: string;
  skill?: string;
  score?: number;
  comment?: string | null;
  date?: string;
  notes?: string;
  outcome?: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export const COACHING_RECORD_MODEL = 'CoachingRecord';

export const CoachingRecordSchema = new Schema<CoachingRecordDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    kind: { type: String, enum: RECORD_KINDS, required: true },
    menteeId: { type: String, required: true },
    authorId: { type: String, required: true },
    skill: { type: String, maxlength: MAX_SKILL_LENGTH },
    score: { type: Number, min: EVALUATION_SCORE_MIN, max: EVALUATION_SCORE_MAX },
    comment: { type: String, maxlength: MAX_COMMENT_LENGTH },
    date: { type: String },
    notes: { type: String, maxlength: MAX_NOTES_LENGTH },
    outcome: { type: String, maxlength: MAX_OUTCOME_LENGTH },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'coaching_records', versionKey: false },
);

// Compare-and-set of an edit and of a deletion: exactly these fields, so that the local
// stand-in serves the filter from an index too (MongoDB uses `_id`). Reads by id use `_id`
// alone and check the tenant and the kind in code.
CoachingRecordSchema.index(
  { _id: 1, tenantId: 1, version: 1 },
  { unique: true, name: 'coaching_record_version' },
);
// The lists, newest first, by mentee, by author, both, or neither (an administrator's), and
// the two branches of a caller's own list (about it, or written by it): real MongoDB only, the
// local stand-in scans (non-unique). `_id` last so that records of the same instant keep their order.
CoachingRecordSchema.index({ tenantId: 1, kind: 1, menteeId: 1, createdAt: -1, _id: -1 });
CoachingRecordSchema.index({ tenantId: 1, kind: 1, authorId: 1, createdAt: -1, _id: -1 });
CoachingRecordSchema.index({ tenantId: 1, kind: 1, createdAt: -1, _id: -1 });
