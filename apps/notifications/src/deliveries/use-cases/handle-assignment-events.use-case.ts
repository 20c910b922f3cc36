import { Inject, Injectable } from '@nestjs/common';
import type { AssignmentsStream, EnvelopeOf } from '@lms/contracts';
import { CLOCK, type Clock } from '@lms/kernel';
import { planAssignmentDeliveries } from '../domain/assignment-deliveries';
import type { Delivery } from '../domain/delivery';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchResult } from './dispatch-delivery.use-case';

type AssignmentEvents = typeof AssignmentsStream.events;
export type AssignmentEvent =
  | EnvelopeOf<AssignmentEvents, 'assignment.created'>
  | EnvelopeOf<AssignmentEvents, 'assignment.ended'>;

/**
 * Assignments were created or ended (a batch of the assignments stream): one delivery to each
 * mentee and one to each of their coaches. The deliveries of the whole batch are written
 * first, in one bulk upsert on their natural key (an event seen before, in an earlier batch
 * or twice in this one, finds its deliveries and creates nothing), then the pending ones are
 * sent; what cannot be sent now stays pending for the retry sweeper or for its recipient's
 * `user.created`. Idempotent, so the batch can be applied again event by event.
 */
@Injectable()
export class HandleAssignmentEventsUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(events: readonly AssignmentEvent[]): Promise<DispatchResult[]> {
    const now = this.clock.now();
    const planned = events.flatMap((event) =>
      planAssignmentDeliveries(
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
        now,
      ),
    );
    const stored = await this.deliveries.ensureMany(planned);
    const pending = [...new Map(stored.map((d): [string, Delivery] => [d.id, d])).values()].filter(
      (delivery) => delivery.status === 'pending',
    );
    return this.dispatch.executeMany(
      pending.map((delivery) => ({ tenantId: delivery.tenantId, deliveryId: delivery.id })),
    );
  }
}
