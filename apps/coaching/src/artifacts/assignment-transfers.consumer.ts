import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignmentsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { ReshareArtifactsUseCase } from './use-cases/reshare-artifacts.use-case';

type AssignmentEvents = typeof AssignmentsStream.events;

/**
 * Kafka adapter: a transfer that asked for it (CO-A7) re-shares the mentee's artifacts. The
 * transfer and its event are one write; the re-share follows from the event, at least once and
 * idempotent, so that a crash anywhere completes it rather than leaving it half done.
 */
@Controller()
export class AssignmentTransfersConsumer {
  constructor(private readonly reshare: ReshareArtifactsUseCase) {}

  @OnEvent(AssignmentsStream, 'assignment.transferred')
  async onTransferred(
    @Payload() event: EnvelopeOf<AssignmentEvents, 'assignment.transferred'>,
  ): Promise<void> {
    const { payload } = event;
    if (!payload.reshareArtifacts) return;
    await this.reshare.execute({
      tenantId: event.tenantId,
      menteeId: payload.menteeId,
      previousCoachIds: payload.previousCoachIds,
      coachIds: payload.coachIds,
      startDate: payload.startDate,
      endDate: payload.endDate ?? null,
      transferredAt: new Date(event.occurredAt),
    });
  }
}
