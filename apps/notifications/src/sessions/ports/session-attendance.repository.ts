import type { AttendanceChange } from '../domain/session-attendance';

/** Who is in which session: one row per enrollment in a session, newest version kept. */
export interface SessionAttendanceRepository {
  /**
   * Applies a batch of enrollment changes (those of no session are ignored): per enrollment,
   * the newest one newer than what is stored. Idempotent; a stale change changes nothing.
   */
  applyMany(changes: readonly AttendanceChange[]): Promise<void>;
  /** The learners attending each of these sessions of one tenant, by session id (each once). */
  attendeesOf(tenantId: string, sessionIds: readonly string[]): Promise<Map<string, string[]>>;
}

export const SESSION_ATTENDANCE_REPOSITORY = Symbol('SESSION_ATTENDANCE_REPOSITORY');
