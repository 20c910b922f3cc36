import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import type { DeliveryRef } from '../domain/delivery';
import {
  DELIVERY_REPOSITORY,
  type DeliveryRepository,
  type RecipientRef,
} from '../ports/delivery.repository';
import { SEND_SIGNAL, type SendSignal } from '../ports/send-signal';

/**
 * Users became known (or changed): the deliveries that were waiting for them, found on their
 * waiting lists by key, become due now for the sender, and the lists are emptied. Sending is
 * the sender's: a delivery whose recipient still cannot be mailed goes back on its list when
 * the sender looks at it. Idempotent: with nothing waiting it does nothing.
 */
@Injectable()
export class ReleaseWaitingDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SEND_SIGNAL) private readonly sender: SendSignal,
  ) {}

  /** Returns the deliveries that became due. */
  async execute(recipients: readonly RecipientRef[]): Promise<DeliveryRef[]> {
    const waiting = await this.deliveries.findWaitingFor(recipients);
    if (waiting.length === 0) return [];
    const refs = waiting.flatMap((entry) =>
      entry.deliveryIds.map((deliveryId) => ({ tenantId: entry.tenantId, deliveryId })),
    );
    const due = await this.deliveries.makeDue(refs, this.clock.now());
    await this.deliveries.forgetWaiting(waiting);
    if (due.length > 0) this.sender.wake();
    return due;
  }
}
