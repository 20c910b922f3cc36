import type { Attendance, Enrollment, EnrollmentState } from './enrollment';
import { accessOf } from './enrollment-states';

/** The highest grade; grades are whole numbers from 0. */
export const MAX_GRADE = 100;
/** The longest note marked with an attendance, in characters. */
export const MAX_ATTENDANCE_NOTE_LENGTH = 500;

/** What an instructor marks for a learner at its session: attended or not, a grade, a note. */
export interface AttendanceInput {
  attended: boolean;
  /** Null: no grade. */
  grade: number | null;
  /** Null: no note. */
  note: string | null;
}

/** An attendance mark as kept: the note trimmed, an empty one none. */
export interface AttendanceMark {
  attendance: Attendance;
  grade: number | null;
  note: string | null;
}

export type AttendanceMarkCheck = { ok: true; mark: AttendanceMark } | { ok: false; reason: string };

/** A grade is a whole number from 0 to 100; a note holds at most 500 characters. The mark as kept, or why it cannot be. */
export function checkAttendanceMark(input: AttendanceInput): AttendanceMarkCheck {
  const { grade } = input;
  if (grade !== null && (!Number.isInteger(grade) || grade < 0 || grade > MAX_GRADE))
    return { ok: false, reason: `grade is a whole number from 0 to ${MAX_GRADE}` };
  const note = input.note?.trim() || null;
  if (note !== null && note.length > MAX_ATTENDANCE_NOTE_LENGTH)
    return { ok: false, reason: `note holds at most ${MAX_ATTENDANCE_NOTE_LENGTH} characters` };
  return { ok: true, mark: { attendance: input.attended ? 'attended' : 'absent', grade, note } };
}

/**
 * Why an attendance cannot be marked: an e-learning course has no sessions (`not_ilt`), the
 * learner may not attend in its state (`cannot_attend`: waiting, to be confirmed, suspended),
 * its session is gone (`no_session`) or has not started yet (`session_not_started`).
 */
export type AttendanceRefusal = 'not_ilt' | 'cannot_attend' | 'no_session' | 'session_not_started';

export type AttendanceOutcome =
  | { ok: true; enrollment: Enrollment; changed: boolean; previousState: EnrollmentState }
  | { ok: false; refusal: AttendanceRefusal };

/** When and by whom a mark is made, and when the learner's session starts (null: it is gone). */
export interface AttendanceContext {
  /** Null: a caller without an account. */
  markedBy: string | null;
  sessionStartsAt: Date | null;
  now: Date;
}

/** Whether the enrollment carries this mark already. */
function carries(enrollment: Enrollment, mark: AttendanceMark): boolean {
  return (
    enrollment.attendance === mark.attendance &&
    enrollment.grade === mark.grade &&
    enrollment.note === mark.note
  );
}

/**
 * LE-C2, LE-E1 (seed 004: "an ILT course is completed when the learner completed every session
 * it is enrolled in"): an instructor marks whether the learner attended its session, from the
 * session's start on, with an optional grade and note (the mark replaces the one before).
 *
 * - `attended`: an `enrolled` or `in_progress` learner is `completed` (a completed one stays
 *   so). An attended session is an access to the course: recorded as the first one when the
 *   learner never opened it (`firstAccessByAttendance`), without announcing it: a learner
 *   becomes `active` (LE-E4) by opening a course itself, which it still does later.
 * - `absent`: the learner is not done. A `completed` learner goes back to `in_progress` when it
 *   opened the course itself, to `enrolled` otherwise; an access recorded only by an attendance
 *   is taken back. Any other state stays.
 *
 * Learners who may not attend (waiting, to be confirmed, suspended) are refused. The same mark
 * again changes nothing; any other change is one version.
 */
export function markAttendance(
  enrollment: Enrollment,
  mark: AttendanceMark,
  context: AttendanceContext,
): AttendanceOutcome {
  if (enrollment.courseKind !== 'ilt') return { ok: false, refusal: 'not_ilt' };
  if (!accessOf('ilt', enrollment.state).attend) return { ok: false, refusal: 'cannot_attend' };
  const { sessionStartsAt, now } = context;
  if (sessionStartsAt === null) return { ok: false, refusal: 'no_session' };
  if (now.getTime() < sessionStartsAt.getTime()) return { ok: false, refusal: 'session_not_started' };
  const previousState = enrollment.state;
  if (carries(enrollment, mark)) return { ok: true, enrollment, changed: false, previousState };

  const attended = mark.attendance === 'attended';
  let { firstAccessedAt, firstAccessByAttendance } = enrollment;
  if (attended && firstAccessedAt === null) {
    firstAccessedAt = now;
    firstAccessByAttendance = true;
  } else if (!attended && firstAccessByAttendance) {
    firstAccessedAt = null;
    firstAccessByAttendance = false;
  }
  let state = enrollment.state;
  if (attended) state = 'completed';
  else if (state === 'completed') state = firstAccessedAt === null ? 'enrolled' : 'in_progress';
  return {
    ok: true,
    changed: true,
    previousState,
    enrollment: {
      ...enrollment,
      state,
      firstAccessedAt,
      firstAccessByAttendance,
      attendance: mark.attendance,
      attendanceMarkedAt: now,
      attendanceMarkedBy: context.markedBy,
      grade: mark.grade,
      note: mark.note,
      updatedAt: now,
      version: enrollment.version + 1,
    },
  };
}
