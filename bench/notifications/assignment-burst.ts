import { AssignmentsStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import {
  planAssignmentDeliveries,
  type AssignmentEventFacts,
} from '../../apps/notifications/src/deliveries/domain/assignment-deliveries';
import {
  DEFAULT_DIGEST_SETTINGS,
  type DigestSettings,
} from '../../apps/notifications/src/deliveries/domain/coach-digest';
import type { Delivery } from '../../apps/notifications/src/deliveries/domain/delivery';

const coaching = new EventFactory('coaching');

/** An individual assignment of a mentee to a coach, as coaching publishes it. */
export function assignmentCreated(tenantId: string, menteeId: string, coachId: string): OutboxEntry {
  const assignmentId = newId();
  return coaching.create(AssignmentsStream, 'assignment.created', {
    tenantId,
    aggregateId: assignmentId,
    aggregateVersion: 1,
    payload: {
      assignmentId,
      menteeId,
      coachIds: [coachId],
      origin: 'individual',
      groupAssignmentId: null,
      groupId: null,
      startDate: '2026-12-01',
      endDate: null,
      status: 'current',
    },
  });
}

/**
 * The deliveries these {@link assignmentCreated} events make, as notifications plans them (the
 * mentee's, then the coach's, event after event). Their ids derive from their natural key, so
 * they are the ids the service records.
 */
export function plannedDeliveries(
  events: readonly OutboxEntry[],
  digests: DigestSettings = DEFAULT_DIGEST_SETTINGS,
): Delivery[] {
  const now = new Date();
  return events.flatMap(({ eventId, envelope }) =>
    planAssignmentDeliveries(
      {
        eventId,
        tenantId: envelope.tenantId,
        type: 'assignment.created',
        version: envelope.aggregateVersion,
        assignment: envelope.payload as AssignmentEventFacts['assignment'],
      },
      now,
      digests,
    ),
  );
}
