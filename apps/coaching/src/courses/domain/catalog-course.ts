import type { CourseKind, CourseState } from '@lms/contracts';

/**
 * What coaching knows of a course of learning's catalog: a projection of learning's courses
 * stream, kept so that a coach's recommendations (CO-W4) are checked without asking learning.
 */
export interface CatalogCourse {
  tenantId: string;
  courseId: string;
  title: string;
  kind: CourseKind;
  state: CourseState;
  /** The course's `aggregateVersion` last applied: an event not newer changes nothing. */
  version: number;
  /** When learning made the change last applied. */
  updatedAt: Date;
}

/** One course event, as the projection applies it: every event carries the course's full state. */
export type CatalogCourseChange = CatalogCourse;

/** The natural key of a course in its tenant: also its document id in the projection. */
export function catalogCourseKey(tenantId: string, courseId: string): string {
  return `${tenantId}:${courseId}`;
}

/**
 * Folds the changes of ONE course (a batch may hold several versions of it, in any order) into
 * the one write that brings the projection from `storedVersion` (null: not projected yet) to
 * the newest of them, as if they had been applied one by one in version order. Every event
 * carries the course's full state, so that write is the newest change. `newer[i]` tells whether
 * `changes[i]` was newer than the stored version and every change of the batch before it in
 * version order (applied) or not (stale: a redelivery, an older copy); `write` is null when
 * none is newer.
 */
export function foldCatalogCourseChanges(
  storedVersion: number | null,
  changes: readonly CatalogCourseChange[],
): { newer: boolean[]; write: CatalogCourseChange | null } {
  const newer = changes.map(() => false);
  let write: CatalogCourseChange | null = null;
  const inVersionOrder = changes.map((change, index) => ({ change, index }));
  inVersionOrder.sort((a, b) => a.change.version - b.change.version || a.index - b.index);
  for (const { change, index } of inVersionOrder) {
    if (change.version <= (write?.version ?? storedVersion ?? Number.NEGATIVE_INFINITY)) continue;
    newer[index] = true;
    write = change;
  }
  return { newer, write };
}
