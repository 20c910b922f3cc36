import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { HandleAssignmentEventUseCase } from './use-cases/handle-assignment-event.use-case';

type AssignmentEvents = typeof AssignmentsStream.events;

/** Kafka adapter: assignments created and ended mail their mentee and coaches (NO-1). */
@Controller()
export class AssignmentEventsConsumer {
  constructor(private readonly handleAssignmentEvent: HandleAssignmentEventUseCase) {}

  @OnEvent(AssignmentsStream, 'assignment.created')
  async onCreated(@Payload() event: EnvelopeOf<AssignmentEvents, 'assignment.created'>): Promise<void> {
    await this.handleAssignmentEvent.execute(event);
  }

  @OnEvent(AssignmentsStream, 'assignment.ended')
  async onEnded(@Payload() event: EnvelopeOf<AssignmentEvents, 'assignment.ended'>): Promise<void> {
    await this.handleAssignmentEvent.execute(event);
  }
}
