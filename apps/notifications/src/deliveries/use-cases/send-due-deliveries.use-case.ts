import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchResult } from './dispatch-delivery.use-case';

export type SweepReport = Partial<Record<DispatchResult, number>>;

/**
 * One pass of the retry sweeper: dispatches the pending deliveries whose next attempt is
 * due, by chunks (one claim and one read of the recipients per chunk). Safe on N instances:
 * each delivery is claimed before it is sent, so two sweepers that pick the same one send it
 * once. A delivery whose dispatch failed stays pending; its lease expires and a later sweep
 * takes it again.
 */
@Injectable()
export class RetryDueDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(): Promise<SweepReport> {
    const due = await this.deliveries.findDueAcrossTenants(this.clock.now(), this.config.sweepBatchSize);
    const report: SweepReport = {};
    for (const outcome of await this.dispatch.executeMany(due)) report[outcome] = (report[outcome] ?? 0) + 1;
    return report;
  }
}
