import { CoursesStream, type CourseStateV1 } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Course, CourseState } from '../domain/course';
import { eventOfChange } from '../domain/course-lifecycle';

/** The course's full state as the courses stream carries it. */
export function courseStateOf(course: Course): CourseStateV1 {
  return {
    courseId: course.id,
    title: course.title,
    kind: course.kind,
    state: course.state,
    updatedAt: course.updatedAt.toISOString(),
  };
}

/**
 * The events a change of a course from state `before` to `after` publishes, for its outbox:
 * `course.published`, `course.updated` or `course.archived` with the new full state, at the
 * course's new version; none for a draft.
 */
export function courseEventsOf(events: EventFactory, before: CourseState, after: Course): OutboxEntry[] {
  const type = eventOfChange(before, after);
  if (type === null) return [];
  return [
    events.create(CoursesStream, type, {
      tenantId: after.tenantId,
      aggregateId: after.id,
      aggregateVersion: after.version,
      occurredAt: after.updatedAt,
      payload: courseStateOf(after),
    }),
  ];
}
