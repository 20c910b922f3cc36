import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupAssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { RunGroupFanOutUseCase } from './use-cases/run-group-fan-out.use-case';

type GroupAssignmentEvents = typeof GroupAssignmentsStream.events;

/** Kafka adapter: the service's own `group-assignment.created` runs the fan-out, outside any request. */
@Controller()
export class GroupAssignmentEventsConsumer {
  constructor(private readonly runFanOut: RunGroupFanOutUseCase) {}

  @OnEvent(GroupAssignmentsStream, 'group-assignment.created')
  async onCreated(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.created'>,
  ): Promise<void> {
    await this.runFanOut.execute({
      tenantId: event.tenantId,
      groupAssignmentId: event.payload.groupAssignmentId,
    });
  }
}
