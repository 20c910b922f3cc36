import { digestKeyOf, type DigestSettings } from './coach-digest';
import { newDelivery, type AssignmentMailContext, type Delivery, type DeliveryKind } from './delivery';

/** The assignment events that mail the people involved (NO-1). */
export const MAILED_ASSIGNMENT_EVENTS = [
  'assignment.created',
  'assignment.ended',
  'assignment.transferred',
  'assignment.reactivated',
  'assignment.expiring',
] as const;
export type AssignmentEventType = (typeof MAILED_ASSIGNMENT_EVENTS)[number];

/** What an assignment event says, as far as mails are concerned. */
export interface AssignmentEventFacts {
  eventId: string;
  tenantId: string;
  type: AssignmentEventType;
  /** The assignment's version the event brought it to (its `aggregateVersion`). */
  version: number;
  assignment: {
    assignmentId: string;
    menteeId: string;
    coachIds: readonly string[];
    origin: 'individual' | 'group';
    groupAssignmentId: string | null;
    groupId: string | null;
    startDate: string;
    endDate: string | null;
    endedAt?: Date | null;
    reason?: string | null;
    /** A transfer's previous coaches. */
    previousCoachIds?: readonly string[];
    /** Days until an expiring assignment's end. */
    daysLeft?: number | null;
  };
}

const KINDS: Record<AssignmentEventType, { mentee: DeliveryKind; coach: DeliveryKind }> = {
  'assignment.created': { mentee: 'assignment.created.mentee', coach: 'assignment.created.coach' },
  'assignment.ended': { mentee: 'assignment.ended.mentee', coach: 'assignment.ended.coach' },
  'assignment.transferred': {
    mentee: 'assignment.transferred.mentee',
    coach: 'assignment.transferred.coach',
  },
  'assignment.reactivated': {
    mentee: 'assignment.reactivated.mentee',
    coach: 'assignment.reactivated.coach',
  },
  'assignment.expiring': { mentee: 'assignment.expiring.mentee', coach: 'assignment.expiring.coach' },
};

/**
 * The deliveries an assignment event causes (NO-1): one to the mentee, one to each coach; a
 * transfer mails the coaches who arrive and, apart, those who leave.
 * Pure: time is passed in, and each delivery's id derives from its natural key
 * ({@link deliveryIdOf}), so planning the same event twice plans the same deliveries. A mail
 * that may go out in a digest (a coach's new mentee) carries its digest key and waits for the
 * digest window to close ({@link digestKeyOf}); every other mail is due at once.
 */
export function planAssignmentDeliveries(
  event: AssignmentEventFacts,
  now: Date,
  digests: DigestSettings,
): Delivery[] {
  const a = event.assignment;
  const kinds = KINDS[event.type];
  const context: AssignmentMailContext = {
    assignmentId: a.assignmentId,
    menteeId: a.menteeId,
    coachIds: [...a.coachIds],
    origin: a.origin,
    groupAssignmentId: a.groupAssignmentId ?? null,
    groupId: a.groupId ?? null,
    startDate: a.startDate,
    endDate: a.endDate ?? null,
    endedAt: a.endedAt ?? null,
    endReason: a.reason ?? null,
    ...(a.previousCoachIds ? { previousCoachIds: [...a.previousCoachIds] } : {}),
    ...(a.daysLeft !== undefined && a.daysLeft !== null ? { daysLeft: a.daysLeft } : {}),
  };
  const windowClosesAt = new Date(now.getTime() + digests.windowMs);
  const draft = (recipientId: string, kind: DeliveryKind): Delivery => {
    const digestKey = digestKeyOf(kind, recipientId, digests);
    return newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId,
      kind,
      context,
      now,
      ...(digestKey ? { digest: { key: digestKey, windowClosesAt } } : {}),
    });
  };
  const previous = new Set(a.previousCoachIds ?? []);
  // A transfer mails the coaches who arrive; one who stays learns nothing new.
  const coaches = [...new Set(a.coachIds)].filter((coachId) => !previous.has(coachId));
  const leaving = [...previous].filter((coachId) => !a.coachIds.includes(coachId));
  return [
    draft(a.menteeId, kinds.mentee),
    ...coaches.map((coachId) => draft(coachId, kinds.coach)),
    ...leaving.map((coachId) => draft(coachId, 'assignment.transferred.previous-coach')),
  ];
}
