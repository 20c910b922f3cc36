import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { GroupAssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { JobRunner } from '@lms/jobs';
import { OnEvent } from '@lms/messaging';
import { groupFanOutJob } from './group-fan-out.job';
import { groupFollowJob } from './group-follow.job';

type GroupAssignmentEvents = typeof GroupAssignmentsStream.events;

/**
 * Kafka adapter: the service's own `group-assignment.created` enqueues the fan-out job, and
 * each later change the job its derived assignments follow it with. The
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

  /** (De)activated, or its dates edited: its derived assignments follow, in a job (CO-A4, CO-A5, CO-A11). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.updated')
  async onUpdated(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.updated'>,
  ): Promise<void> {
    await this.follow(event);
  }

  /** Ended: its derived assignments end with it, in a job (CO-A11). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.ended')
  async onEnded(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.ended'>,
  ): Promise<void> {
    await this.follow(event);
  }

  /** Transferred: its derived assignments take its coaches, in a job (CO-A7, CO-A11). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.transferred')
  async onTransferred(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.transferred'>,
  ): Promise<void> {
    await this.follow(event);
  }

  /** Expired: its derived assignments expire with it, in a job (CO-A8, CO-A11). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.expired')
  async onExpired(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.expired'>,
  ): Promise<void> {
    await this.follow(event);
  }

  /** Reactivated: its fan-out runs again, every member matching now gets a new assignment (CO-A8). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.reactivated')
  async onReactivated(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.reactivated'>,
  ): Promise<void> {
    await this.jobs.enqueue(groupFanOutJob(event.tenantId, event.payload.groupAssignmentId));
  }

  /** Deleted: its derived assignments are deleted with it, in a job (CO-A9, CO-A11). */
  @OnEvent(GroupAssignmentsStream, 'group-assignment.deleted')
  async onDeleted(
    @Payload() event: EnvelopeOf<GroupAssignmentEvents, 'group-assignment.deleted'>,
  ): Promise<void> {
    await this.follow(event);
  }

  private async follow(event: { tenantId: string; payload: { groupAssignmentId: string } }): Promise<void> {
    await this.jobs.enqueue(groupFollowJob(event.tenantId, event.payload.groupAssignmentId));
  }
}
