import type { EnrollmentState } from '@lms/contracts';

/**
 * What coaching knows of a learner's enrollment in a course: a projection of learning's
 * enrollments stream, kept so that a coach sees whether its mentee enrolled in and completed a
 * course it recommended (CO-W4), without asking learning. One row per enrollment (learning's
 * aggregate): an unenrolled learner who enrolls again has a new enrollment, with versions of its
 * own.
 */
export interface LearnerEnrollment {
  tenantId: string;
  enrollmentId: string;
  userId: string;
  courseId: string;
  state: EnrollmentState;
  /** False once the learner was unenrolled: the row stays as a tombstone at its version. */
  live: boolean;
  /** The enrollment's `aggregateVersion` last applied: an event not newer changes nothing. */
  version: number;
  /** When learning made the change last applied. */
  updatedAt: Date;
}

/** One enrollment event, as the projection applies it: every event carries the full state. */
export type LearnerEnrollmentChange = LearnerEnrollment;

/** The natural key of an enrollment in its tenant: also its document id in the projection. */
export function learnerEnrollmentKey(tenantId: string, enrollmentId: string): string {
  return `${tenantId}:${enrollmentId}`;
}

/** A learner and a course, the pair a recommendation is about. */
export interface LearnerCourse {
  userId: string;
  courseId: string;
}

function pairKey(pair: LearnerCourse): string {
  return `${pair.userId}\u0000${pair.courseId}`;
}

/**
 * The state of each learner's enrollment in each course, from the projection's rows: the live
 * enrollment's; when, for a moment, two are live (a new enrollment applied before the end of
 * the previous one, their events travelling apart), the newest enrollment's (ids sort by
 * creation). A pair without a live enrollment is not in the map.
 */
export function enrollmentStates(rows: readonly LearnerEnrollment[]): Map<string, EnrollmentState> {
  const newest = new Map<string, LearnerEnrollment>();
  for (const row of rows) {
    if (!row.live) continue;
    const key = pairKey(row);
    const held = newest.get(key);
    if (!held || held.enrollmentId < row.enrollmentId) newest.set(key, row);
  }
  return new Map([...newest].map(([key, row]) => [key, row.state]));
}

/** The state of `pair` in a map made by {@link enrollmentStates}; null: not enrolled. */
export function enrollmentStateOf(
  states: ReadonlyMap<string, EnrollmentState>,
  pair: LearnerCourse,
): EnrollmentState | null {
  return states.get(pairKey(pair)) ?? null;
}
