import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignmentsStream } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import {
  HandleAssignmentEventsUseCase,
  type AssignmentEvent,
} from './use-cases/handle-assignment-events.use-case';

/**
 * Kafka adapter: assignments created and ended mail their mentee and coaches (NO-1), in
 * batches (rule 8): a group fan-out makes one event per member.
 */
@Controller()
export class AssignmentEventsConsumer {
  constructor(private readonly handleAssignmentEvents: HandleAssignmentEventsUseCase) {}

  @OnEventBatch(AssignmentsStream, ['assignment.created', 'assignment.ended'])
  async onAssignmentEvents(@Payload() events: AssignmentEvent[]): Promise<void> {
    await this.handleAssignmentEvents.execute(events);
  }
}
