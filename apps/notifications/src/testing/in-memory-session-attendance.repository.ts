import {
  attendanceKey,
  attendanceOf,
  foldAttendanceChanges,
  type AttendanceChange,
  type SessionAttendance,
} from '../sessions/domain/session-attendance';
import type { SessionAttendanceRepository } from '../sessions/ports/session-attendance.repository';

type InSession = AttendanceChange & { sessionId: string };

/** Who is in which session, in memory, with the same version rule as the Mongo projection. */
export class InMemorySessionAttendanceRepository implements SessionAttendanceRepository {
  private readonly rows = new Map<string, SessionAttendance>();

  async applyMany(changes: readonly AttendanceChange[]): Promise<void> {
    const byKey = new Map<string, InSession[]>();
    for (const change of changes) {
      if (change.sessionId === null) continue;
      const key = attendanceKey(change.tenantId, change.enrollmentId);
      byKey.set(key, [...(byKey.get(key) ?? []), change as InSession]);
    }
    for (const [key, list] of byKey) {
      const { write } = foldAttendanceChanges(this.rows.get(key)?.version ?? null, list);
      if (write) this.rows.set(key, attendanceOf(write as InSession));
    }
  }

  async attendeesOf(tenantId: string, sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    const attendees = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
    for (const row of this.rows.values()) {
      if (row.tenantId !== tenantId || !row.attends || !attendees.has(row.sessionId)) continue;
      const users = attendees.get(row.sessionId) ?? [];
      if (!users.includes(row.userId)) users.push(row.userId);
    }
    return attendees;
  }
}
