import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { MAILED_ASSIGNMENT_EVENTS } from './domain/assignment-deliveries';
import {
  HandleAssignmentEventsUseCase,
  type AssignmentEventCommand,
} from './use-cases/handle-assignment-events.use-case';

type AssignmentEvents = typeof AssignmentsStream.events;
type AssignmentEvent =
  | EnvelopeOf<AssignmentEvents, 'assignment.created'>
  | EnvelopeOf<AssignmentEvents, 'assignment.ended'>
  | EnvelopeOf<AssignmentEvents, 'assignment.transferred'>
  | EnvelopeOf<AssignmentEvents, 'assignment.reactivated'>
  | EnvelopeOf<AssignmentEvents, 'assignment.expiring'>;

/**
 * Kafka adapter: assignments created, ended, transferred, reactivated and about to end mail
 * their mentee and coaches (NO-1), in batches (rule 8): a group fan-out makes one event per
 * member.
 */
@Controller()
export class AssignmentEventsConsumer {
  constructor(private readonly handleAssignmentEvents: HandleAssignmentEventsUseCase) {}

  @OnEventBatch(AssignmentsStream, [...MAILED_ASSIGNMENT_EVENTS])
  async onAssignmentEvents(@Payload() events: AssignmentEvent[]): Promise<void> {
    await this.handleAssignmentEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: AssignmentEvent): AssignmentEventCommand {
  const { payload } = event;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    assignment: {
      assignmentId: payload.assignmentId,
      menteeId: payload.menteeId,
      coachIds: payload.coachIds,
      origin: payload.origin,
      groupAssignmentId: payload.groupAssignmentId,
      groupId: payload.groupId,
      startDate: payload.startDate,
      endDate: payload.endDate,
      endedAt: event.type === 'assignment.ended' ? new Date(event.payload.endedAt) : null,
      reason: event.type === 'assignment.ended' ? event.payload.reason : null,
      previousCoachIds: event.type === 'assignment.transferred' ? event.payload.previousCoachIds : undefined,
      daysLeft: event.type === 'assignment.expiring' ? event.payload.daysLeft : null,
    },
  };
}
