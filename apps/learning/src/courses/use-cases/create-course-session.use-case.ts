import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { checkSession, newSession, type CourseSession, type SessionDetails } from '../domain/course-session';
import { SessionInvalidError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import type { CourseTarget } from './open-course';
import { openCourseToScheduleSessions } from './open-session-course';
import { sessionScheduledEvents } from './course-session-events';

export interface CreateCourseSessionCommand extends CourseTarget {
  details: SessionDetails;
}

/**
 * LE-C1: whoever may edit an instructor-led course schedules a session of it, published as
 * `course-session.scheduled` in the same write.
 */
@Injectable()
export class CreateCourseSessionUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateCourseSessionCommand): Promise<CourseSession> {
    const course = await openCourseToScheduleSessions(this.courses, command);
    const checked = checkSession(command.details);
    if (!checked.ok) throw new SessionInvalidError(checked.reason);
    const now = this.clock.now();
    const session = newSession(
      { tenantId: command.tenantId, courseId: course.id, details: checked.details },
      { id: newId(now), now },
    );
    await this.sessions.insert({ session, outbox: sessionScheduledEvents(this.events, course, session) });
    return session;
  }
}
