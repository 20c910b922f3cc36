import { Schema } from 'mongoose';
import { OUTBOX_FIELD, type OutboxEntry } from '@lms/messaging';
import { COURSE_KINDS, type CourseKind } from '../../courses/domain/course';
import { ATTENDANCES, ENROLLMENT_STATES, type Attendance, type EnrollmentState } from '../domain/enrollment';

export const ENROLLMENT_MODEL = 'Enrollment';

export interface EnrollmentDocument {
  _id: string;
  tenantId: string;
  courseId: string;
  userId: string;
  courseKind: CourseKind;
  sessionId: string | null;
  state: EnrollmentState;
  completedMaterial: number[];
  firstAccessedAt: Date | null;
  /** Absent from documents written before attendance was marked: false. */
  firstAccessByAttendance?: boolean;
  /** The instructor-led session's attendance; absent from older documents: none. */
  attendance?: Attendance | null;
  attendanceMarkedAt?: Date | null;
  attendanceMarkedBy?: string | null;
  grade?: number | null;
  note?: string | null;
  /**
   * `<courseId>:<userId>` while the learner is enrolled, the enrollment's own id once it is
   * unenrolled: unique per tenant, so that a learner holds one enrollment per course and may
   * enroll again after leaving.
   */
  liveKey: string;
  /** When the learner was unenrolled; null while enrolled. The document stays for its events. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox: OutboxEntry[];
}

export const EnrollmentSchema = new Schema<EnrollmentDocument>(
  {
    _id: { type: String, required: true },
    tenantId: { type: String, required: true },
    courseId: { type: String, required: true },
    userId: { type: String, required: true },
    courseKind: { type: String, required: true, enum: COURSE_KINDS },
    sessionId: { type: String, default: null },
    state: { type: String, required: true, enum: ENROLLMENT_STATES },
    completedMaterial: { type: [Number], default: [] },
    firstAccessedAt: { type: Date, default: null },
    firstAccessByAttendance: { type: Boolean, default: false },
    attendance: { type: String, enum: [...ATTENDANCES, null], default: null },
    attendanceMarkedAt: { type: Date, default: null },
    attendanceMarkedBy: { type: String, default: null },
    grade: { type: Number, default: null },
    note: { type: String, default: null },
    liveKey: { type: String, required: true },
    deletedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: OUTBOX_FIELD,
  },
  { collection: 'enrollments', versionKey: false },
);

// One enrollment per tenant, course and learner (LE-E1), and the read of a learner's
// enrollment in a course (`/v1/me/courses/{courseId}/...`): exactly these fields, which both
// engines serve from the index.
EnrollmentSchema.index({ tenantId: 1, liveKey: 1 }, { unique: true, name: 'enrollment_live_key' });
// Compare-and-set of a change of state, progress and an unenrollment, on a live enrollment
// (`deletedAt: null`): exactly these fields, so that the local stand-in serves the filter from
// an index too (MongoDB uses `_id`). Reads by id use `_id` alone and check the tenant in code.
EnrollmentSchema.index(
  { _id: 1, tenantId: 1, version: 1, deletedAt: 1 },
  { unique: true, name: 'enrollment_version' },
);
// The lists behind the HTTP API, in creation order: the tenant's, a course's (a session's
// attendance list too: the course's, narrowed to its session), a learner's
// (`GET /v1/enrollments`, `GET /v1/me/courses`), and a session's waiting learners, oldest first
// (a freed seat). Non-unique: real MongoDB only; the stand-in scans.
EnrollmentSchema.index({ tenantId: 1, deletedAt: 1, _id: 1 });
EnrollmentSchema.index({ tenantId: 1, courseId: 1, deletedAt: 1, _id: 1 });
EnrollmentSchema.index({ tenantId: 1, userId: 1, deletedAt: 1, _id: 1 });
EnrollmentSchema.index({ tenantId: 1, sessionId: 1, state: 1, deletedAt: 1, _id: 1 });
