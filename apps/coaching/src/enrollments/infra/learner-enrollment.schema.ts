import { Schema } from 'mongoose';
import { ENROLLMENT_STATES, type EnrollmentState } from '@lms/contracts';

export interface LearnerEnrollmentDocument {
  /** The natural key, `${tenantId}:${enrollmentId}` (see learnerEnrollmentKey). */
  _id: string;
  tenantId: string;
  enrollmentId: string;
  userId: string;
  courseId: string;
  state: EnrollmentState;
  live: boolean;
  version: number;
  updatedAt: Date;
}

export const LEARNER_ENROLLMENT_MODEL = 'LearnerEnrollment';

export const LearnerEnrollmentSchema = new Schema<LearnerEnrollmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    enrollmentId: { type: String, required: true },
    userId: { type: String, required: true },
    courseId: { type: String, required: true },
    state: { type: String, required: true, enum: ENROLLMENT_STATES },
    live: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'learner_enrollments', versionKey: false },
);

// One document per enrollment, keyed by its natural key as `_id`: a batch reads by
// `_id: {$in}` and writes by `_id`. This index only makes the compare-and-set filter
// `{_id, version}` an exact match of a unique index, which the local stand-in then serves from
// an index too (MongoDB uses `_id`).
LearnerEnrollmentSchema.index({ _id: 1, version: 1 }, { unique: true });
// The enrollments of a page of recommendations (its learners and courses), read once per page:
// non-unique, real MongoDB only; the stand-in scans the projection.
LearnerEnrollmentSchema.index({ tenantId: 1, userId: 1, courseId: 1, live: 1 });
