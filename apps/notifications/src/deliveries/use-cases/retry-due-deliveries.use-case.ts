import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@lms/observability';
import { CLOCK, LOGGER, type Clock } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import type { DeliveryRef } from '../domain/delivery';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchOutcome } from './dispatch-delivery.use-case';

/** Sends at once per sweep; each waits on the mail server. */
const SWEEP_CONCURRENCY = 4;

export type SweepReport = Partial<Record<DispatchOutcome | 'error', number>>;

/**
 * One pass of the retry sweeper: dispatches the pending deliveries whose next attempt is
 * due. Safe on N instances: each delivery is claimed before it is sent, so two sweepers
 * that pick the same one send it once.
 */
@Injectable()
export class RetryDueDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(): Promise<SweepReport> {
    const due = await this.deliveries.findDueAcrossTenants(this.clock.now(), this.config.sweepBatchSize);
    const report: SweepReport = {};
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let ref = queue.shift(); ref; ref = queue.shift()) {
        const outcome = await this.dispatchOne(ref);
        report[outcome] = (report[outcome] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, due.length) }, worker));
    return report;
  }

  private async dispatchOne(ref: DeliveryRef): Promise<DispatchOutcome | 'error'> {
    try {
      return await this.dispatch.execute(ref);
    } catch (error) {
      // The delivery stays pending; its lease expires and a later sweep takes it again.
      this.logger.error({ err: error, ...ref }, 'retrying a delivery failed');
      return 'error';
    }
  }
}
