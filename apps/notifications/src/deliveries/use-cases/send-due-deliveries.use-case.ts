import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../../config/notifications.config';
import { DELIVERY_REPOSITORY, type DeliveryRepository } from '../ports/delivery.repository';
import { DispatchDeliveryUseCase, type DispatchResult } from './dispatch-delivery.use-case';

/** How many deliveries of one pass ended how; `taken` counts what the pass read. */
export type SendReport = Partial<Record<DispatchResult, number>>;

/**
 * One pass of the sender (NO-5): reads a batch of due deliveries, the tenants taking turns,
 * and dispatches them with at most `concurrency` mails on their way at once (each chunk: one
 * claim, one read of the recipients, its mails in parallel). New mail and retries alike: a
 * delivery is due when it is recorded and again when its backoff is over. Safe on N
 * instances: each delivery is claimed before it is sent, so two senders that read the same
 * one send it once. A delivery whose dispatch failed stays pending; its lease expires and a
 * later pass takes it again.
 */
@Injectable()
export class SendDueDeliveriesUseCase {
  constructor(
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    private readonly dispatch: DispatchDeliveryUseCase,
  ) {}

  async execute(): Promise<SendReport> {
    const { batchSize, concurrency } = this.config.sender;
    const due = await this.deliveries.findDueAcrossTenants(this.clock.now(), batchSize);
    const report: SendReport = {};
    for (const outcome of await this.dispatch.executeMany(due, { concurrency })) {
      report[outcome] = (report[outcome] ?? 0) + 1;
    }
    return report;
  }
}
