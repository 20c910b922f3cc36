import { Schema } from 'mongoose';
import { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState } from '@lms/contracts';

export interface CatalogCourseDocument {
  /** The natural key, `${tenantId}:${courseId}` (see catalogCourseKey). */
  _id: string;
  tenantId: string;
  courseId: string;
  title: string;
  kind: CourseKind;
  state: CourseState;
  version: number;
  updatedAt: Date;
}

export const CATALOG_COURSE_MODEL = 'CatalogCourse';

export const CatalogCourseSchema = new Schema<CatalogCourseDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    courseId: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true, enum: COURSE_KINDS },
    state: { type: String, required: true, enum: COURSE_STATES },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'courses', versionKey: false },
);

// One document per course and tenant, keyed by its natural key as `_id`: reads of one or many go
// by `_id` or `_id: {$in}` and writes by `_id`, which both engines serve from the `_id` index.
// This index only makes the compare-and-set filter `{_id, version}` an exact match of a unique
// index, which the local stand-in serves from an index too (MongoDB uses the `_id` index for it).
CatalogCourseSchema.index({ _id: 1, version: 1 }, { unique: true });
