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
import { ExpireGroupAssignmentsUseCase } from './use-cases/expire-group-assignments.use-case';
import { FollowAssignmentCalendarUseCase } from './use-cases/follow-assignment-calendar.use-case';

/**
 * What every coaching instance does on its own, on an interval, safe on N instances (rule 5):
 * the calendar sweep of individual assignments, then of group assignments, every
 * `ASSIGNMENT_CALENDAR_INTERVAL_MS` (each moves by a compare-and-set, so once).
 */
@Injectable()
export class AssignmentsPeriodicWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly calendar: PeriodicTask;

  constructor(
    followCalendar: FollowAssignmentCalendarUseCase,
    expireGroupAssignments: ExpireGroupAssignmentsUseCase,
    @Inject(COACHING_CONFIG) private readonly config: CoachingConfig,
    scheduler: SchedulerRegistry,
    @Inject(LOGGER) logger: Logger,
  ) {
    const { batchSize, noticeDays } = config.assignmentCalendar;
    this.calendar = new PeriodicTask(
      'assignment calendar sweep',
      async () => {
        const individual = await followCalendar.execute({ batchSize, noticeDays });
        const groups = await expireGroupAssignments.execute({ batchSize });
        return { ...individual, groupsExpired: groups.expired };
      },
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
