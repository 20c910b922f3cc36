import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { cancelSession } from '../domain/course-session';
import { SessionNotFoundError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import type { CourseTarget } from './open-course';
import { openCourseToScheduleSessions } from './open-session-course';
import { sessionCancelledEvents } from './course-session-events';

/**
 * LE-C1: whoever may edit an instructor-led course cancels one of its sessions, for good,
 * published as `course-session.cancelled` (its last state) in the same write.
 */
@Injectable()
export class DeleteCourseSessionUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CourseTarget & { sessionId: string; expectedVersion?: number }): Promise<void> {
    const { tenantId, sessionId } = command;
    await withOptimisticRetry<null>(async () => {
      const course = await openCourseToScheduleSessions(this.courses, command);
      const session = await this.sessions.findById(tenantId, course.id, sessionId);
      if (!session) throw new SessionNotFoundError(course.id, sessionId);
      assertExpectedVersion(command.expectedVersion, session.version);
      const cancelled = cancelSession(session, this.clock.now());
      const outbox = sessionCancelledEvents(this.events, course, cancelled);
      if (!(await this.sessions.delete(tenantId, { session: cancelled, outbox }, session.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: null };
    });
  }
}
