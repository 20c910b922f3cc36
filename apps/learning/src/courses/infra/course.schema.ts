import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState } from '../domain/course';

export const COURSE_MODEL = 'Course';

export interface CourseDocument {
  _id: string;
  tenantId: string;
  title: string;
  kind: CourseKind;
  state: CourseState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const CourseSchema = new Schema<CourseDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    title: { type: String, required: true },
    kind: { type: String, required: true, enum: COURSE_KINDS },
    state: { type: String, required: true, enum: COURSE_STATES },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'courses', versionKey: false },
);

/** The catalogue of one tenant in creation order (ids sort by creation): `GET /v1/courses`. */
CourseSchema.index({ tenantId: 1, _id: 1 });
