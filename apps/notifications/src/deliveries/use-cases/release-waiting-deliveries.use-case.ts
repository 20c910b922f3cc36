import { Inject, Injectable } from '@nestjs/common';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase } from './dispatch-delivery.use-case';

/** Deliveries looked at per arriving recipient; the retry sweeper takes any beyond. */
const RELEASE_BATCH = 500;

/**
 * A user became known (or changed): send the deliveries that were waiting for them.
 * Idempotent: with nothing waiting it does nothing.
 */
@Injectable()
export class ReleaseWaitingDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(tenantId: string, recipientId: string): Promise<number> {
    const waiting = await this.deliveries.findWaitingForRecipient(tenantId, recipientId, RELEASE_BATCH);
    let sent = 0;
    for (const ref of waiting) {
      if ((await this.dispatch.execute(ref, { ignoreSchedule: true })) === 'sent') sent++;
    }
    return sent;
  }
}
