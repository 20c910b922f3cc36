import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { DeliveryNotFailedError, DeliveryNotFoundError } from '../deliveries.errors';
import type { Delivery, DeliveryRef } from '../domain/delivery';
import { decideManualRetry } from '../domain/delivery-policy';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase } from './dispatch-delivery.use-case';

/**
 * NO-5: an administrator sends a delivery parked as failed once more. It goes back to pending,
 * due now, by compare-and-set on the version read (its attempts and last error stay for the
 * log), and is dispatched at once as any other: claimed, sent, and retried with backoff or
 * parked again if the mail server still refuses it. Answers the delivery as it then stands;
 * should the dispatch itself fail, the delivery stays pending and the sender takes it.
 */
@Injectable()
export class RetryDeliveryUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(ref: DeliveryRef): Promise<Delivery> {
    await withOptimisticRetry<void>(async () => {
      const delivery = await this.find(ref);
      const now = this.clock.now();
      const decision = decideManualRetry(delivery, now);
      if (decision.outcome === 'not_failed')
        throw new DeliveryNotFailedError(ref.deliveryId, delivery.status);
      const outcome = await this.deliveries.requeue(ref, delivery.version, {
        nextAttemptAt: decision.nextAttemptAt,
        updatedAt: now,
      });
      return outcome === 'written' ? { outcome, value: undefined } : { outcome };
    });
    await this.dispatch.executeMany([ref]);
    return this.find(ref);
  }

  private async find(ref: DeliveryRef): Promise<Delivery> {
    const delivery = await this.deliveries.find(ref);
    if (!delivery) throw new DeliveryNotFoundError(ref.deliveryId);
    return delivery;
  }
}
