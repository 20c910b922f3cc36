import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock, type DomainError } from '@lms/kernel';
import { SessionNotFoundError } from '../../courses/courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import type { Enrollment } from '../domain/enrollment';
import { mayMarkAttendance } from '../domain/enrollment-access';
import {
  checkAttendanceMark,
  markAttendance,
  type AttendanceInput,
  type AttendanceRefusal,
} from '../domain/enrollment-attendance';
import {
  EnrollmentAttendanceInvalidError,
  EnrollmentCannotAttendError,
  EnrollmentForbiddenError,
  EnrollmentNotFoundError,
  EnrollmentNotIltError,
  EnrollmentSessionNotStartedError,
} from '../enrollments.errors';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { enrollmentEvent } from './enrollment-events';
import type { EnrollmentTarget } from './enrollment-target';

export interface MarkAttendanceCommand extends EnrollmentTarget, AttendanceInput {
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
}

/** A course that is gone: only those who manage courses mark its sessions. */
const NOBODY_TEACHES = { authorId: null, roles: [] };

/**
 * LE-C2, LE-E1: an instructor of the course (or an administrator, a power user) marks whether a
 * learner attended its instructor-led session, with an optional grade and note. Attended
 * completes the enrollment, absent keeps it (or takes a completion back); the plan states
 * follow from `enrollment.state-changed`, written with each change. The same mark again writes
 * nothing. Refused: an e-learning course, a learner who may not attend, a session not started.
 */
@Injectable()
export class MarkAttendanceUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: MarkAttendanceCommand): Promise<Enrollment> {
    const { tenantId, id, actor } = command;
    const check = checkAttendanceMark(command);
    if (!check.ok) throw new EnrollmentAttendanceInvalidError(check.reason);
    return withOptimisticRetry<Enrollment>(async () => {
      const enrollment = await this.enrollments.findById(tenantId, id);
      if (!enrollment) throw new EnrollmentNotFoundError({ enrollmentId: id });
      const course = await this.courses.findById(tenantId, enrollment.courseId);
      if (!mayMarkAttendance(actor, course ?? NOBODY_TEACHES))
        throw new EnrollmentForbiddenError({ enrollmentId: id });
      assertExpectedVersion(command.expectedVersion, enrollment.version);
      const session =
        enrollment.courseKind === 'ilt' && enrollment.sessionId !== null
          ? await this.sessions.findById(tenantId, enrollment.courseId, enrollment.sessionId)
          : null;

      const outcome = markAttendance(enrollment, check.mark, {
        markedBy: actor.userId,
        sessionStartsAt: session?.startsAt ?? null,
        now: this.clock.now(),
      });
      if (!outcome.ok) throw refused(outcome.refusal, enrollment, session?.startsAt ?? null);
      if (!outcome.changed) return { outcome: 'written', value: enrollment };
      const next = outcome.enrollment;
      const outbox = [
        enrollmentEvent(this.events, 'enrollment.state-changed', next, enrollment.state, course?.title),
      ];
      if (!(await this.enrollments.save(tenantId, { enrollment: next, outbox }, enrollment.version)))
        return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}

/** The refusal of an attendance mark, each with its code. */
function refused(refusal: AttendanceRefusal, enrollment: Enrollment, startsAt: Date | null): DomainError {
  const sessionId = enrollment.sessionId ?? '';
  switch (refusal) {
    case 'not_ilt':
      return new EnrollmentNotIltError(enrollment.id);
    case 'cannot_attend':
      return new EnrollmentCannotAttendError(enrollment.id, enrollment.state);
    case 'session_not_started':
      return new EnrollmentSessionNotStartedError(sessionId, startsAt ?? new Date(0));
    case 'no_session':
      return new SessionNotFoundError(enrollment.courseId, sessionId);
  }
}
