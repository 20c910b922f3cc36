import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { MAX_SESSION_LINK_LENGTH, MAX_SESSION_PLACE_LENGTH } from '../domain/course-session';

export const COURSE_SESSION_MODEL = 'CourseSession';

export interface CourseSessionDocument {
  _id: string;
  tenantId: string;
  courseId: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  link: string | null;
  capacity: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** When the session was cancelled; null while it is held. The document stays for its events. */
  cancelledAt: Date | null;
  outbox: OutboxEntry[];
}

export const CourseSessionSchema = new Schema<CourseSessionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    courseId: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    place: { type: String, default: null, maxlength: MAX_SESSION_PLACE_LENGTH },
    link: { type: String, default: null, maxlength: MAX_SESSION_LINK_LENGTH },
    capacity: { type: Number, required: true, min: 1 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    cancelledAt: { type: Date, default: null },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'course_sessions', versionKey: false },
);

// Compare-and-set of an edit and a cancellation, on a session not cancelled
// (`cancelledAt: null`; a cancelled one is kept for its events): exactly these fields, so that
// the local stand-in serves the filter from an index too (MongoDB uses `_id`). Reads by id use
// `_id` alone and check the tenant, the course and the cancellation in code. (It replaces
// `course_session_version`, which an existing database may still hold: unused, harmless.)
CourseSessionSchema.index(
  { _id: 1, tenantId: 1, version: 1, cancelledAt: 1 },
  { unique: true, name: 'course_session_live_version' },
);
// A course's sessions, soonest first (`GET /v1/courses/{id}/sessions`; cancelled ones are
// filtered out), and the deletion of a deleted draft's sessions. Non-unique: real MongoDB only; the stand-in scans.
CourseSessionSchema.index({ tenantId: 1, courseId: 1, startsAt: 1, _id: 1 });
