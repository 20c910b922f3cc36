import { CourseSessionsStream, type CourseSessionStateV1 } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { Course } from '../domain/course';
import { sessionMoved, type CourseSession } from '../domain/course-session';

/** The session's full state as the course sessions stream carries it, with its course's title. */
export function courseSessionStateOf(course: Course, session: CourseSession): CourseSessionStateV1 {
  return {
    sessionId: session.id,
    courseId: session.courseId,
    courseTitle: course.title,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    place: session.place,
    link: session.link,
    capacity: session.capacity,
    updatedAt: session.updatedAt.toISOString(),
  };
}

/** `course-session.scheduled` of a new session, for its outbox (LE-C1, NO-1). */
export function sessionScheduledEvents(
  events: EventFactory,
  course: Course,
  session: CourseSession,
): OutboxEntry[] {
  return [
    events.create(CourseSessionsStream, 'course-session.scheduled', {
      tenantId: session.tenantId,
      aggregateId: session.id,
      aggregateVersion: session.version,
      occurredAt: session.updatedAt,
      payload: courseSessionStateOf(course, session),
    }),
  ];
}

/**
 * The event of an edit from `before` to `after`, for its outbox: `course-session.rescheduled`
 * with what the session was before when its time, place or link changed (its learners are
 * told: NO-1), `course-session.updated` otherwise (its capacity).
 */
export function sessionEditedEvents(
  events: EventFactory,
  course: Course,
  before: CourseSession,
  after: CourseSession,
): OutboxEntry[] {
  const meta = {
    tenantId: after.tenantId,
    aggregateId: after.id,
    aggregateVersion: after.version,
    occurredAt: after.updatedAt,
  };
  const state = courseSessionStateOf(course, after);
  if (!sessionMoved(before, after))
    return [events.create(CourseSessionsStream, 'course-session.updated', { ...meta, payload: state })];
  return [
    events.create(CourseSessionsStream, 'course-session.rescheduled', {
      ...meta,
      payload: {
        ...state,
        previousStartsAt: before.startsAt.toISOString(),
        previousEndsAt: before.endsAt.toISOString(),
        previousPlace: before.place,
        previousLink: before.link,
      },
    }),
  ];
}

/** `course-session.cancelled` with the session's last state, at its version as cancelled. */
export function sessionCancelledEvents(
  events: EventFactory,
  course: Course,
  cancelled: CourseSession,
): OutboxEntry[] {
  return [
    events.create(CourseSessionsStream, 'course-session.cancelled', {
      tenantId: cancelled.tenantId,
      aggregateId: cancelled.id,
      aggregateVersion: cancelled.version,
      occurredAt: cancelled.updatedAt,
      payload: courseSessionStateOf(course, cancelled),
    }),
  ];
}
