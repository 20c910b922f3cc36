import { Schema } from 'mongoose';
import { ENROLLMENT_STATES } from '@lms/contracts';

export const SESSION_ATTENDANCE_MODEL = 'SessionAttendance';

export interface SessionAttendanceDocument {
  /** `${tenantId}:${enrollmentId}` (attendanceKey). */
  _id: string;
  tenantId: string;
  enrollmentId: string;
  sessionId: string;
  userId: string;
  state: string;
  attends: boolean;
  version: number;
  updatedAt: Date;
}

export const SessionAttendanceSchema = new Schema<SessionAttendanceDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    enrollmentId: { type: String, required: true },
    sessionId: { type: String, required: true },
    userId: { type: String, required: true },
    state: { type: String, required: true, enum: ENROLLMENT_STATES },
    attends: { type: Boolean, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'session_attendances', versionKey: false },
);

/**
 * The projection's compare-and-set filter is exactly `{_id, version}`: unique trivially,
 * declared so that the local stand-in database serves it from an index (MongoDB uses `_id`).
 */
SessionAttendanceSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'version_compare_and_set' });
/**
 * The learners attending a batch's sessions (a session moved or cancelled, a reminder), once
 * per batch and tenant. Non-unique: MongoDB serves it; the stand-in scans.
 */
SessionAttendanceSchema.index({ tenantId: 1, sessionId: 1, attends: 1 });
