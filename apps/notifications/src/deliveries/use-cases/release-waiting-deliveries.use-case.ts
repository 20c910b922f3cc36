import { Inject, Injectable } from '@nestjs/common';
import {
  DELIVERY_REPOSITORY,
  type DeliveryRepository,
  type RecipientRef,
  type WaitingDeliveries,
} from '../ports/delivery.repository';
import { DispatchDeliveryUseCase } from './dispatch-delivery.use-case';

/**
 * Users became known (or changed): send the deliveries that were waiting for them, found on
 * their waiting lists by key, and take off the lists those that no longer wait. Idempotent:
 * with nothing waiting it does nothing.
 */
@Injectable()
export class ReleaseWaitingDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  /** Returns how many deliveries were sent. */
  async execute(recipients: readonly RecipientRef[]): Promise<number> {
    const waiting = await this.deliveries.findWaitingFor(recipients);
    if (waiting.length === 0) return 0;
    const refs = waiting.flatMap((entry) =>
      entry.deliveryIds.map((deliveryId) => ({ tenantId: entry.tenantId, deliveryId })),
    );
    const results = await this.dispatch.executeMany(refs, { ignoreSchedule: true });
    const outcomeOf = new Map(refs.map((ref, i) => [ref.deliveryId, results[i]]));
    // Kept on the list: what still waits, and what failed now (the sweeper takes it; a later
    // event of the same user finds it again). A delivery another claimant held is taken off:
    // that claimant sends it, or lists it again before it releases it and then looks again.
    const done: WaitingDeliveries[] = waiting.map((entry) => ({
      ...entry,
      deliveryIds: entry.deliveryIds.filter((id) => {
        const outcome = outcomeOf.get(id);
        return outcome !== 'waiting_recipient' && outcome !== 'error';
      }),
    }));
    await this.deliveries.forgetWaiting(done);
    return results.filter((outcome) => outcome === 'sent').length;
  }
}
