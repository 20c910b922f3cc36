import type { EnrollmentState } from '@lms/contracts';
import { newDelivery, type Delivery, type DeliveryKind, type EnrollmentMailContext } from './delivery';

/** The enrollment events that may mail the learner (NO-1). */
export const MAILED_ENROLLMENT_EVENTS = ['enrollment.created', 'enrollment.state-changed'] as const;
export type EnrollmentEventType = (typeof MAILED_ENROLLMENT_EVENTS)[number];

/** What an enrollment event says, as far as mails are concerned. */
export interface EnrollmentEventFacts {
  eventId: string;
  tenantId: string;
  type: EnrollmentEventType;
  /** The enrollment's version the event brought it to (its `aggregateVersion`). */
  version: number;
  enrollment: {
    enrollmentId: string;
    courseId: string;
    courseTitle: string | null;
    userId: string;
    sessionId: string | null;
    state: EnrollmentState;
    previousState: EnrollmentState | null;
  };
}

/** States in which the learner has a seat and may start (seed 004). */
const ADMITTED: readonly EnrollmentState[] = ['enrolled', 'in_progress'];
/** States in which the learner waits: for an approval, a seat, or a session's confirmation. */
const WAITING: readonly EnrollmentState[] = ['waiting', 'to_be_confirmed', 'overbooking'];

/**
 * The mail an enrollment event owes its learner, if any (NO-1: enrolled, waiting confirmed):
 * a new enrollment that admits the learner, or one that waits; a waiting enrollment that now
 * admits the learner. Every other change (progress, completion, suspension) mails nothing.
 */
export function enrollmentMailKind(event: EnrollmentEventFacts): DeliveryKind | null {
  const { state, previousState } = event.enrollment;
  if (event.type === 'enrollment.created') {
    if (ADMITTED.includes(state)) return 'enrollment.enrolled.learner';
    return WAITING.includes(state) ? 'enrollment.waiting.learner' : null;
  }
  return previousState !== null && WAITING.includes(previousState) && ADMITTED.includes(state)
    ? 'enrollment.confirmed.learner'
    : null;
}

/** The deliveries an enrollment event causes: at most one, to its learner. Pure. */
export function planEnrollmentDeliveries(event: EnrollmentEventFacts, now: Date): Delivery[] {
  const kind = enrollmentMailKind(event);
  if (!kind) return [];
  const { enrollmentId, courseId, courseTitle, sessionId, state, userId } = event.enrollment;
  const context: EnrollmentMailContext = {
    enrollment: { enrollmentId, courseId, courseTitle, sessionId, state },
  };
  return [
    newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId: userId,
      kind,
      context,
      now,
    }),
  ];
}
