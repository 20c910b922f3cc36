import type { EnrollmentState } from '@lms/contracts';

/**
 * The enrollment states whose learner attends its session, and is mailed about it (NO-1):
 * `enrolled` and `in_progress`. A `completed` learner has nothing left to attend; `waiting`
 * and `to_be_confirmed` ones have no seat yet (seed 004), `suspended` ones no access.
 */
export const ATTENDING_STATES: readonly EnrollmentState[] = ['enrolled', 'in_progress'];

/** One enrollment in a session, as notifications keeps it (projection of learning's enrollments). */
export interface SessionAttendance {
  tenantId: string;
  enrollmentId: string;
  sessionId: string;
  userId: string;
  state: EnrollmentState;
  /** Whether the learner attends the session: an attending state, and not unenrolled. */
  attends: boolean;
  /** The enrollment's last applied `aggregateVersion`. */
  version: number;
}

/** One enrollment event, as the projection applies it. */
export interface AttendanceChange {
  tenantId: string;
  enrollmentId: string;
  /** Null for an e-learning enrollment: it is in no session, and nothing is kept. */
  sessionId: string | null;
  userId: string;
  state: EnrollmentState;
  /** True for `enrollment.deleted`: the learner left. */
  unenrolled: boolean;
  /** The event's `aggregateVersion`. */
  version: number;
}

/** The `_id` of an attendance: its enrollment within its tenant. */
export function attendanceKey(tenantId: string, enrollmentId: string): string {
  return `${tenantId}:${enrollmentId}`;
}

/** Whether an enrollment in this state, or unenrolled, attends its session. */
export function attends(state: EnrollmentState, unenrolled: boolean): boolean {
  return !unenrolled && ATTENDING_STATES.includes(state);
}

/**
 * The write a batch's changes of one enrollment make, given the version stored (null: none):
 * the newest change, since every enrollment event carries its full state; null when none is
 * newer than what is stored. `newer` says, per change, whether it was newer than the stored
 * version.
 */
export function foldAttendanceChanges(
  storedVersion: number | null,
  changes: readonly AttendanceChange[],
): { write: AttendanceChange | null; newer: boolean[] } {
  const newer = changes.map((change) => storedVersion === null || change.version > storedVersion);
  const write = changes
    .filter((_, i) => newer[i])
    .reduce<AttendanceChange | null>(
      (newest, change) => (newest && newest.version >= change.version ? newest : change),
      null,
    );
  return { write, newer };
}

/** The attendance a change leaves. */
export function attendanceOf(change: AttendanceChange & { sessionId: string }): SessionAttendance {
  return {
    tenantId: change.tenantId,
    enrollmentId: change.enrollmentId,
    sessionId: change.sessionId,
    userId: change.userId,
    state: change.state,
    attends: attends(change.state, change.unenrolled),
    version: change.version,
  };
}
