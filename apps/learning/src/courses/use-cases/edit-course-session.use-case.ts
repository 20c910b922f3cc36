import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import {
  checkSession,
  editSession,
  patchedSession,
  sameSession,
  type CourseSession,
  type SessionDetails,
} from '../domain/course-session';
import { SessionInvalidError, SessionNotFoundError } from '../courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../ports/course.repository';
import { COURSE_SESSION_REPOSITORY, type CourseSessionRepository } from '../ports/course-session.repository';
import type { CourseTarget } from './open-course';
import { openCourseToScheduleSessions } from './open-session-course';
import { sessionEditedEvents } from './course-session-events';

export interface EditCourseSessionCommand extends CourseTarget {
  sessionId: string;
  /** The session's version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
  /** The fields to change; those absent are kept. */
  patch: Partial<SessionDetails>;
}

/**
 * LE-C1: whoever may edit an instructor-led course reschedules one of its sessions, published in
 * the same write: `course-session.rescheduled` when its time, place or link changed (with what
 * they were), `course-session.updated` otherwise.
 */
@Injectable()
export class EditCourseSessionUseCase {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: EditCourseSessionCommand): Promise<CourseSession> {
    const { tenantId, sessionId } = command;
    return withOptimisticRetry<CourseSession>(async () => {
      const course = await openCourseToScheduleSessions(this.courses, command);
      const session = await this.sessions.findById(tenantId, course.id, sessionId);
      if (!session) throw new SessionNotFoundError(course.id, sessionId);
      assertExpectedVersion(command.expectedVersion, session.version);
      const checked = checkSession(patchedSession(session, command.patch));
      if (!checked.ok) throw new SessionInvalidError(checked.reason);
      if (sameSession(session, checked.details)) return { outcome: 'written', value: session };
      const next = editSession(session, checked.details, this.clock.now());
      const outbox = sessionEditedEvents(this.events, course, session, next);
      if (!(await this.sessions.save(tenantId, { session: next, outbox }, session.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}
