import type { Course, CourseState } from './course';

/** The state changes a course knows (LE-C1): into the catalog, then out of it for good. */
export const COURSE_TRANSITIONS = ['publish', 'archive'] as const;
export type CourseTransition = (typeof COURSE_TRANSITIONS)[number];

/** Each change's only legal starting state and where it leads. */
const LEGAL: Record<CourseTransition, { from: CourseState; to: CourseState }> = {
  publish: { from: 'draft', to: 'published' },
  archive: { from: 'published', to: 'archived' },
};

export type TransitionOutcome =
  | { ok: true; course: Course }
  | { ok: false; from: CourseState; to: CourseState };

/**
 * LE-C1: draft → published → archived, nothing else (an archived course is history; a
 * published one never goes back to draft). The course moved, at its next version, or why not.
 */
export function moveCourse(course: Course, transition: CourseTransition, now: Date): TransitionOutcome {
  const { from, to } = LEGAL[transition];
  if (course.state !== from) return { ok: false, from: course.state, to };
  return { ok: true, course: { ...course, state: to, updatedAt: now, version: course.version + 1 } };
}

/** Only a draft is deleted; a published course is archived instead, an archived one kept. */
export function isDeletable(course: Pick<Course, 'state'>): boolean {
  return course.state === 'draft';
}

/** An archived course is history: neither its details nor its sessions change any more. */
export function isEditable(course: Pick<Course, 'state'>): boolean {
  return course.state !== 'archived';
}

/** The events of the courses stream (`learning.courses.v1`). */
export type CourseEventType = 'course.published' | 'course.updated' | 'course.archived';

/**
 * The event a change of a course publishes, from the state it was in to what it became; null
 * for none. Drafts publish nothing (the catalog's consumers only need catalog courses):
 * publishing gives `course.published`, archiving `course.archived`, any other change of a
 * published course `course.updated`.
 */
export function eventOfChange(before: CourseState, after: Pick<Course, 'state'>): CourseEventType | null {
  if (after.state === 'draft') return null;
  if (before === 'draft' && after.state === 'published') return 'course.published';
  if (before === 'published' && after.state === 'archived') return 'course.archived';
  if (before === 'published' && after.state === 'published') return 'course.updated';
  return null;
}
