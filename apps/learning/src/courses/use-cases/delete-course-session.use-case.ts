import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, withOptimisticRetry } from '@lms/kernel';
import { SessionNotFoundError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import type { CourseTarget } from './open-course';
import { openCourseToScheduleSessions } from './open-session-course';

/** LE-C1: whoever may edit an instructor-led course cancels one of its sessions, for good. */
@Injectable()
export class DeleteCourseSessionUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
  ) {}

  async execute(command: CourseTarget & { sessionId: string; expectedVersion?: number }): Promise<void> {
    const { tenantId, sessionId } = command;
    await withOptimisticRetry<null>(async () => {
      const course = await openCourseToScheduleSessions(this.courses, command);
      const session = await this.sessions.findById(tenantId, course.id, sessionId);
      if (!session) throw new SessionNotFoundError(course.id, sessionId);
      assertExpectedVersion(command.expectedVersion, session.version);
      if (!(await this.sessions.delete(tenantId, course.id, session.id, session.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: null };
    });
  }
}
