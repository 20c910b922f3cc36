import { Schema } from 'mongoose';

export const SCHEDULED_SESSION_MODEL = 'ScheduledSession';

export interface ScheduledSessionDocument {
  /** `${tenantId}:${sessionId}` (scheduledSessionKey). */
  _id: string;
  tenantId: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  link: string | null;
  cancelled: boolean;
  remindedStartsAt: Date | null;
  reminderDue: boolean;
  version: number;
  updatedAt: Date;
}

export const ScheduledSessionSchema = new Schema<ScheduledSessionDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    sessionId: { type: String, required: true },
    courseId: { type: String, required: true },
    courseTitle: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    place: { type: String, default: null },
    link: { type: String, default: null },
    cancelled: { type: Boolean, required: true },
    remindedStartsAt: { type: Date, default: null },
    reminderDue: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'scheduled_sessions', versionKey: false },
);

/**
 * The compare-and-set filter of the projection and of a reminder's mark is exactly
 * `{_id, version}`: unique trivially, declared so that the local stand-in database serves it
 * from an index (MongoDB uses `_id`).
 */
ScheduledSessionSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
/**
 * The reminder job's look-up of sessions due, soonest first, every interval. Non-unique:
 * MongoDB serves it; the stand-in scans (once per interval, not per session).
 */
ScheduledSessionSchema.index({ reminderDue: 1, startsAt: 1 });
