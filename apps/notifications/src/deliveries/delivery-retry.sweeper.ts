import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { RetryDueDeliveriesUseCase } from './use-cases/retry-due-deliveries.use-case';

/**
 * Runs the retry sweep on an interval (NO-5). Runs on every instance: the claim on each
 * delivery keeps two sweeps from sending the same one. Stops before the database closes.
 */
@Injectable()
export class DeliveryRetrySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly retryDueDeliveries: RetryDueDeliveriesUseCase,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => this.sweep(), this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  private sweep(): void {
    this.sweeping ??= this.retryDueDeliveries
      .execute()
      .then((report) => {
        if (Object.keys(report).length > 0) this.logger.info({ report }, 'delivery retry sweep');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'delivery retry sweep failed'))
      .finally(() => (this.sweeping = null));
  }
}
