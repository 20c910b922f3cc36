import { Inject, Injectable } from '@nestjs/common';
import type { AssignmentsStream, EnvelopeOf } from '@lms/contracts';
import { uuidV7 } from '@lms/observability';
import { CLOCK, type Clock } from '@lms/service-kit';
import { planAssignmentDeliveries } from '../domain/assignment-deliveries';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase } from './dispatch-delivery.use-case';

type AssignmentEvents = typeof AssignmentsStream.events;
export type AssignmentEvent =
  | EnvelopeOf<AssignmentEvents, 'assignment.created'>
  | EnvelopeOf<AssignmentEvents, 'assignment.ended'>;

/**
 * An assignment was created or ended: one delivery to the mentee and one to each coach.
 * The deliveries are written first (upserts on their natural key, so a redelivered event
 * finds them and creates nothing), then sent; what cannot be sent now stays pending for
 * the retry sweeper or for its recipient's `user.created`.
 */
@Injectable()
export class HandleAssignmentEventUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(event: AssignmentEvent): Promise<void> {
    const planned = planAssignmentDeliveries(
      {
        eventId: event.eventId,
        tenantId: event.tenantId,
        type: event.type,
        assignment: {
          ...event.payload,
          endedAt: event.type === 'assignment.ended' ? event.payload.endedAt : null,
          reason: event.type === 'assignment.ended' ? event.payload.reason : null,
        },
      },
      this.clock.now(),
      () => uuidV7(),
    );
    const stored = [];
    for (const delivery of planned) stored.push(await this.deliveries.ensure(delivery));
    for (const delivery of stored) {
      if (delivery.status !== 'pending') continue;
      await this.dispatch.execute({ tenantId: delivery.tenantId, deliveryId: delivery.id });
    }
  }
}
