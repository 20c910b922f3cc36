import { Schema, type Connection, type Model } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState } from '../domain/course';

export interface CourseRecord {
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

export const courseSchema = new Schema<CourseRecord>(
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

courseSchema.index({ tenantId: 1, _id: 1 });

export const COURSE_MODEL = Symbol('COURSE_MODEL');

export function courseModel(connection: Connection): Model<CourseRecord> {
  return connection.model<CourseRecord>('Course', courseSchema);
}
