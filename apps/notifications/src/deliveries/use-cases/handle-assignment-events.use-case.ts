import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { planAssignmentDeliveries, type AssignmentEventFacts } from '../domain/assignment-deliveries';
import type { Delivery } from '../domain/delivery';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchResult } from './dispatch-delivery.use-case';

/**
 * One assignment created or ended: the event's id (its deliveries are keyed by it, so that a
 * redelivery creates none), its tenant, its type and the assignment it carries.
 */
export type AssignmentEventCommand = AssignmentEventFacts;

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

  async execute(commands: readonly AssignmentEventCommand[]): Promise<DispatchResult[]> {
    const now = this.clock.now();
    const planned = commands.flatMap((command) => planAssignmentDeliveries(command, now));
    const stored = await this.deliveries.ensureMany(planned);
    const pending = [...new Map(stored.map((d): [string, Delivery] => [d.id, d])).values()].filter(
      (delivery) => delivery.status === 'pending',
    );
    return this.dispatch.executeMany(
      pending.map((delivery) => ({ tenantId: delivery.tenantId, deliveryId: delivery.id })),
    );
  }
}
