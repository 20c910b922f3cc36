import { Injectable } from '@nestjs/common';
import type { Model, mongo } from 'mongoose';
import { applyVersionedBatch, InjectModel, type VersionedBatchPlan } from '@lms/service-kit';
import {
  attendanceKey,
  attendanceOf,
  foldAttendanceChanges,
  type AttendanceChange,
} from '../domain/session-attendance';
import type { SessionAttendanceRepository } from '../ports/session-attendance.repository';
import { SESSION_ATTENDANCE_MODEL, type SessionAttendanceDocument } from './session-attendance.schema';

type InSession = AttendanceChange & { sessionId: string };

/** How the attendances take a batch of enrollment changes (see applyVersionedBatch). */
const ATTENDANCE_BATCH: VersionedBatchPlan<InSession, InSession, SessionAttendanceDocument> = {
  what: 'Session attendances',
  keyOf: (change) => attendanceKey(change.tenantId, change.enrollmentId),
  fold: (storedVersion, changes) => {
    const { write, newer } = foldAttendanceChanges(storedVersion, changes);
    return { write: write as InSession | null, newer };
  },
  versionOf: (write) => write.version,
  toInsert: (key, write) => ({ _id: key, ...attendanceOf(write), updatedAt: new Date() }),
  toSet: (write) => {
    const { tenantId: _t, enrollmentId: _e, ...fields } = attendanceOf(write);
    return { ...fields, updatedAt: new Date() };
  },
};

@Injectable()
export class MongoSessionAttendanceRepository implements SessionAttendanceRepository {
  constructor(
    @InjectModel(SESSION_ATTENDANCE_MODEL) private readonly model: Model<SessionAttendanceDocument>,
  ) {}

  /** The driver's collection, not mongoose's casting: these are plain, already valid documents. */
  private collection(): mongo.Collection<SessionAttendanceDocument> {
    return this.model.collection as unknown as mongo.Collection<SessionAttendanceDocument>;
  }

  async applyMany(changes: readonly AttendanceChange[]): Promise<void> {
    const inSessions = changes.filter((change): change is InSession => change.sessionId !== null);
    if (inSessions.length > 0) await applyVersionedBatch(this.collection(), inSessions, ATTENDANCE_BATCH);
  }

  async attendeesOf(tenantId: string, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    const attendees = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
    if (sessionIds.length === 0) return attendees;
    const docs = await this.collection()
      .find(
        { tenantId, sessionId: { $in: [...new Set(sessionIds)] }, attends: true },
        { projection: { sessionId: 1, userId: 1 } },
      )
      .toArray();
    for (const doc of docs) {
      const users = attendees.get(doc.sessionId) ?? [];
      if (!users.includes(doc.userId)) users.push(doc.userId);
      attendees.set(doc.sessionId, users);
    }
    return attendees;
  }
}
