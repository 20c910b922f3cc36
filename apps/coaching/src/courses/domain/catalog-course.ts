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
