import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import type { SendSignal } from './ports/send-signal';
import { SendDueDeliveriesUseCase, type SendReport } from './use-cases/send-due-deliveries.use-case';

/**
 * The sender pool of one instance (NO-5): works off due deliveries apart from the consumers,
 * which only record them, so that a slow or stalled mail server never holds back the events
 * (no rebalance, other tenants' events still recorded). It passes over due work while there
 * is some; with nothing due it waits `DELIVERY_SENDER_IDLE_MS`, or less when this instance
 * records new deliveries (`wake`). Runs on every instance: the claims keep two senders from
 * sending the same mail. A stopping service finishes the pass under way, then stops.
 */
@Injectable()
export class DeliverySenderPool implements SendSignal, OnApplicationBootstrap, BeforeApplicationShutdown {
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Set by `wake` while a pass runs: go straight on to another pass. */
  private woken = false;
  private rest: { timer: NodeJS.Timeout; resolve: () => void } | null = null;

  constructor(
    private readonly sendDue: SendDueDeliveriesUseCase,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sender.idleMs <= 0) return;
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.running;
  }

  wake(): void {
    this.woken = true;
    if (!this.rest) return;
    clearTimeout(this.rest.timer);
    this.rest.resolve();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.woken = false;
      const report = await this.pass();
      const taken = Object.values(report).reduce((sum, count) => sum + (count ?? 0), 0);
      if (taken === 0 && !this.woken && !this.stopping) await this.idle();
    }
  }

  private async pass(): Promise<SendReport> {
    try {
      const report = await this.sendDue.execute();
      const { sent = 0, not_claimed: notClaimed = 0, ...others } = report;
      if (Object.keys(others).length > 0) this.logger.info({ report }, 'delivery sender pass');
      else if (sent > 0) this.logger.debug({ sent, notClaimed }, 'delivery sender pass');
      // Nothing but deliveries other senders took: rest rather than read the same ones again.
      return sent === 0 && Object.keys(others).length === 0 ? {} : report;
    } catch (error) {
      this.logger.error({ err: error }, 'delivery sender pass failed');
      return {};
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.rest = null;
        resolve();
      }, this.config.sender.idleMs);
      timer.unref();
      this.rest = {
        timer,
        resolve: () => {
          this.rest = null;
          resolve();
        },
      };
    });
  }
}
