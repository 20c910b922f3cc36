import { nameBasedId } from '@lms/kernel';
import {
  newDelivery,
  type CourseSessionMailContext,
  type Delivery,
  type DeliveryKind,
  type SessionSlot,
} from './delivery';

/** The session events that mail the learners attending the session (NO-1). */
export const MAILED_COURSE_SESSION_EVENTS = [
  'course-session.rescheduled',
  'course-session.cancelled',
] as const;
export type CourseSessionEventType = (typeof MAILED_COURSE_SESSION_EVENTS)[number];

/**
 * The category of session reminders (NO-4): they come from no event, so their source type is
 * this name, which a learner can opt out of like an event's.
 */
export const SESSION_REMINDER_CATEGORY = 'course-session.reminder' as const;

/** The session a mail is about: its course and when and where it is held. */
export interface SessionFacts extends SessionSlot {
  sessionId: string;
  courseId: string;
  courseTitle: string;
}

/** What a session event says, as far as mails are concerned, with the learners attending it. */
export interface CourseSessionEventFacts {
  eventId: string;
  tenantId: string;
  type: CourseSessionEventType;
  /** The session's version the event brought it to (its `aggregateVersion`). */
  version: number;
  session: SessionFacts;
  /** When and where it was before (a rescheduled session); null otherwise. */
  previous: SessionSlot | null;
  /** The learners attending the session when the event is handled. */
  attendeeIds: readonly string[];
  /** The course's instructors when the event is handled. */
  instructorIds: readonly string[];
}

/** Who a session's mails go to: its learners, and its course's instructors, each with a kind of their own. */
export interface SessionAudience {
  attendeeIds: readonly string[];
  instructorIds: readonly string[];
}

/** The kind of mail each side of a session's audience gets. */
interface AudienceKinds {
  learner: DeliveryKind;
  instructor: DeliveryKind;
}

/** One delivery per learner and one per instructor (each once), of the kinds given. */
function toAudience(
  audience: SessionAudience,
  kinds: AudienceKinds,
  make: (recipientId: string, kind: DeliveryKind) => Delivery,
): Delivery[] {
  return [
    ...[...new Set(audience.attendeeIds)].map((id) => make(id, kinds.learner)),
    ...[...new Set(audience.instructorIds)].map((id) => make(id, kinds.instructor)),
  ];
}

/** Whether a session moved from `before` to `after`: its time, its place or its link changed. */
export function sessionMoved(before: SessionSlot, after: SessionSlot): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.place !== after.place ||
    before.link !== after.link
  );
}

function contextOf(session: SessionFacts, previous: SessionSlot | null): CourseSessionMailContext {
  const { sessionId, courseId, courseTitle, startsAt, endsAt, place, link } = session;
  return { courseSession: { sessionId, courseId, courseTitle, startsAt, endsAt, place, link, previous } };
}

/**
 * The deliveries a session event causes (NO-1): one to each learner attending the session and
 * one to each instructor of its course when it moved (its time, place or link; a change of
 * nothing of these mails nobody) or was cancelled, with the old and the new time and place. Pure.
 */
export function planCourseSessionDeliveries(event: CourseSessionEventFacts, now: Date): Delivery[] {
  const moved = event.previous !== null && sessionMoved(event.previous, event.session);
  if (event.type === 'course-session.rescheduled' && !moved) return [];
  const cancelled = event.type === 'course-session.cancelled';
  const context = contextOf(event.session, cancelled ? null : event.previous);
  const kinds: AudienceKinds = cancelled
    ? { learner: 'course-session.cancelled.learner', instructor: 'course-session.cancelled.instructor' }
    : { learner: 'course-session.rescheduled.learner', instructor: 'course-session.rescheduled.instructor' };
  return toAudience(event, kinds, (recipientId, kind) =>
    newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId,
      kind,
      context,
      now,
    }),
  );
}

/** Namespace of reminder sources (a fixed, random UUID). */
const REMINDER_SOURCE_NAMESPACE = '8d3b6f0e-2c71-4a59-b1e4-c7a2f90d5e36';

/**
 * The source of the reminders of a session for one start, standing for the event they have
 * not: a name-based UUID of the tenant, the session and its start, the same for every run and
 * every instance, so that a reminder is recorded once per learner and start (NO-2), and again
 * when the session moves to another time.
 */
export function reminderSourceOf(
  tenantId: string,
  session: Pick<SessionFacts, 'sessionId' | 'startsAt'>,
): string {
  return nameBasedId(
    REMINDER_SOURCE_NAMESPACE,
    [tenantId, session.sessionId, session.startsAt.toISOString()].join('\u0000'),
  );
}

/** The reminders of a session starting soon: one to each learner attending it, one to each instructor of its course. Pure. */
export function planSessionReminders(
  tenantId: string,
  session: SessionFacts,
  audience: SessionAudience,
  now: Date,
): Delivery[] {
  const context = contextOf(session, null);
  const kinds = {
    learner: 'course-session.reminder.learner',
    instructor: 'course-session.reminder.instructor',
  } as const;
  return toAudience(audience, kinds, (recipientId, kind) =>
    newDelivery({
      tenantId,
      sourceEventId: reminderSourceOf(tenantId, session),
      sourceType: SESSION_REMINDER_CATEGORY,
      recipientId,
      kind,
      context,
      now,
    }),
  );
}
