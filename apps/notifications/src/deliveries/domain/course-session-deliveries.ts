import { createHash } from 'node:crypto';
import { newDelivery, type CourseSessionMailContext, type Delivery, type SessionSlot } from './delivery';

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
 * The deliveries a session event causes (NO-1): one to each learner attending the session when
 * it moved (its time, place or link; a change of nothing of these mails nobody) or was
 * cancelled, with the old and the new time and place. Pure.
 */
export function planCourseSessionDeliveries(event: CourseSessionEventFacts, now: Date): Delivery[] {
  const moved = event.previous !== null && sessionMoved(event.previous, event.session);
  if (event.type === 'course-session.rescheduled' && !moved) return [];
  const kind =
    event.type === 'course-session.cancelled'
      ? 'course-session.cancelled.learner'
      : 'course-session.rescheduled.learner';
  const context = contextOf(
    event.session,
    event.type === 'course-session.rescheduled' ? event.previous : null,
  );
  return [...new Set(event.attendeeIds)].map((recipientId) =>
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
const REMINDER_SOURCE_NAMESPACE = Buffer.from('8d3b6f0e2c714a59b1e4c7a2f90d5e36', 'hex');

/**
 * The source of the reminders of a session for one start, standing for the event they have
 * not: a name-based UUID (RFC 9562 version 5) of the tenant, the session and its start, the
 * same for every run and every instance, so that a reminder is recorded once per learner and
 * start (NO-2), and again when the session moves to another time.
 */
export function reminderSourceOf(
  tenantId: string,
  session: Pick<SessionFacts, 'sessionId' | 'startsAt'>,
): string {
  const name = [tenantId, session.sessionId, session.startsAt.toISOString()].join('\u0000');
  const hash = createHash('sha1').update(REMINDER_SOURCE_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The reminders of a session starting soon: one to each learner attending it. Pure. */
export function planSessionReminders(
  tenantId: string,
  session: SessionFacts,
  attendeeIds: readonly string[],
  now: Date,
): Delivery[] {
  const context = contextOf(session, null);
  return [...new Set(attendeeIds)].map((recipientId) =>
    newDelivery({
      tenantId,
      sourceEventId: reminderSourceOf(tenantId, session),
      sourceType: SESSION_REMINDER_CATEGORY,
      recipientId,
      kind: 'course-session.reminder.learner',
      context,
      now,
    }),
  );
}
