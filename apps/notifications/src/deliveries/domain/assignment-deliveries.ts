import { deliveryIdOf, type AssignmentMailContext, type Delivery, type DeliveryKind } from './delivery';

export type AssignmentEventType = 'assignment.created' | 'assignment.ended';

/** What an assignment event says, as far as mails are concerned. */
export interface AssignmentEventFacts {
  eventId: string;
  tenantId: string;
  type: AssignmentEventType;
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
  };
}

const KINDS: Record<AssignmentEventType, { mentee: DeliveryKind; coach: DeliveryKind }> = {
  'assignment.created': { mentee: 'assignment.created.mentee', coach: 'assignment.created.coach' },
  'assignment.ended': { mentee: 'assignment.ended.mentee', coach: 'assignment.ended.coach' },
};

/**
 * The deliveries an assignment event causes (NO-1): one to the mentee, one to each coach.
 * Pure: time is passed in, and each delivery's id derives from its natural key
 * ({@link deliveryIdOf}), so planning the same event twice plans the same deliveries. Coach deliveries of a group-derived assignment carry a
 * digest key (event type, group assignment, coach) so that a digest can later group them.
 */
export function planAssignmentDeliveries(event: AssignmentEventFacts, now: Date): Delivery[] {
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
  };
  const draft = (recipientId: string, kind: DeliveryKind, digestKey: string | null): Delivery => ({
    id: deliveryIdOf({ tenantId: event.tenantId, sourceEventId: event.eventId, recipientId, kind }),
    tenantId: event.tenantId,
    sourceEventId: event.eventId,
    sourceType: event.type,
    recipientId,
    kind,
    channel: 'email',
    status: 'pending',
    pendingReason: null,
    context,
    digestKey,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  const coachDigestKey = (coachId: string): string | null =>
    a.origin === 'group' && a.groupAssignmentId ? `${event.type}:${a.groupAssignmentId}:${coachId}` : null;
  return [
    draft(a.menteeId, kinds.mentee, null),
    ...[...new Set(a.coachIds)].map((coachId) => draft(coachId, kinds.coach, coachDigestKey(coachId))),
  ];
}
