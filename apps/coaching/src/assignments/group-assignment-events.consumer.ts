import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupAssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { JobRunner } from '@lms/jobs';
import { OnEvent } from '@lms/messaging';
import { groupFanOutJob } from './group-fan-out.job';

type GroupAssignmentEvents = typeof GroupAssignmentsStream.events;

/**
 * Kafka adapter: the service's own `group-assignment.created` enqueues the fan-out job. The
 * fan-out itself runs in the job runner, chunk by chunk, never inside this handler: the
 * partition is never held for longer than one write.
 */
@Controller()
export class GroupAssignmentEventsConsumer {
  constructor(private readonly jobs: JobRunner) {}

  @OnEvent(GroupAssignmentsStream, 'group-assignment.created')
  async onCreated(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.created'>,
  ): Promise<void> {
    await this.jobs.enqueue(groupFanOutJob(event.tenantId, event.payload.groupAssignmentId));
  }
}
