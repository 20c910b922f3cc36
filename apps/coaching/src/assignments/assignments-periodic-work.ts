import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from '@lms/observability';
import { LOGGER, PeriodicTask } from '@lms/service-kit';
import { COACHING_CONFIG, type CoachingConfig } from '../config/coaching.config';
import { FollowAssignmentCalendarUseCase } from './use-cases/follow-assignment-calendar.use-case';

/**
 * What every coaching instance does on its own, on an interval, safe on N instances (rule 5):
 * the calendar sweep, every `ASSIGNMENT_CALENDAR_INTERVAL_MS` (each assignment moves by a
 * compare-and-set, so once).
 */
@Injectable()
export class AssignmentsPeriodicWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly calendar: PeriodicTask;

  constructor(
    followCalendar: FollowAssignmentCalendarUseCase,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    scheduler: SchedulerRegistry,
    @Inject(LOGGER) logger: Logger,
  ) {
    const { batchSize, noticeDays } = config.assignmentCalendar;
    this.calendar = new PeriodicTask(
      'assignment calendar sweep',
      () => followCalendar.execute({ batchSize, noticeDays }),
      scheduler,
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.calendar.start(this.config.assignmentCalendar.intervalMs, { now: true });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.calendar.stop();
  }
}
