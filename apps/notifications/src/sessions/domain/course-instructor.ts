import { foldNewestState } from '@lms/kernel';

/**
 * One user's instructor role in one course, as notifications keeps it (projection of learning's
 * course-roles stream): instructors are mailed about their courses' sessions (NO-1).
 */
export interface CourseInstructor {
  tenantId: string;
  courseId: string;
  userId: string;
  /** False once the role was revoked: the row stays as a tombstone at its version. */
  instructs: boolean;
  /** The course's `aggregateVersion` of the last change applied (course-role events are the course's). */
  version: number;
}

/** The `_id` of an instructor row: the course and the user within the tenant. */
export function courseInstructorKey(row: Pick<CourseInstructor, 'tenantId' | 'courseId' | 'userId'>): string {
  return `${row.tenantId}:${row.courseId}:${row.userId}`;
}

/** A batch's changes of one row folded into the write that brings it to the newest (see foldNewestState). */
export function foldInstructorChanges(
  storedVersion: number | null,
  changes: readonly CourseInstructor[],
): { newer: boolean[]; write: CourseInstructor | null } {
  return foldNewestState(storedVersion, changes);
}
