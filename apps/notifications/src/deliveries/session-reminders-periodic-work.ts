import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from '@lms/observability';
import { LOGGER, PeriodicTask } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications.config';
import { RecordSessionRemindersUseCase } from './use-cases/record-session-reminders.use-case';

/**
 * What every notifications instance does on its own, every `SESSION_REMINDER_INTERVAL_MS`:
 * the learners of sessions starting within `SESSION_REMINDER_LEAD_MS` are reminded, safe on N
 * instances (rule 5: each reminder is recorded once, by its natural key).
 */
@Injectable()
export class SessionRemindersPeriodicWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly reminders: PeriodicTask;

  constructor(
    recordReminders: RecordSessionRemindersUseCase,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    scheduler: SchedulerRegistry,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.reminders = new PeriodicTask(
      'session reminders',
      async () => ({ ...(await recordReminders.execute()) }),
      scheduler,
      logger,
    );
  }

  onApplicationBootstrap(): void {
    const { intervalMs } = this.config.sessionReminders;
    this.reminders.start(intervalMs, { now: intervalMs > 0 });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.reminders.stop();
  }
}
