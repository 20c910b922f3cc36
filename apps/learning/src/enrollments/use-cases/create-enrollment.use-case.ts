import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { CourseNotFoundError, SessionNotFoundError } from '../../courses/courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import type { CourseSession } from '../../courses/domain/course-session';
import { openCourseToRead } from '../../courses/use-cases/open-course';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { newEnrollment, type Enrollment } from '../domain/enrollment';
import { managesEnrollments, mayEnroll, mayEnrollIn, type LearnerReach } from '../domain/enrollment-access';
import { firstState, needsSeatToEnroll, type SeatOutcome } from '../domain/enrollment-policy';
import {
  EnrollmentAlreadyExistsError,
  EnrollmentCourseNotPublishedError,
  EnrollmentForbiddenError,
  EnrollmentSessionNotAllowedError,
  EnrollmentSessionRequiredError,
} from '../enrollments.errors';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { enrollmentEvent } from './enrollment-events';
import { LearnerReaches } from './learner-reaches';
import { SessionSeatKeeper } from './session-seat-keeper';

export interface CreateEnrollmentCommand {
  tenantId: string;
  actor: CourseActor;
  courseId: string;
  userId: string;
  /** The session of an instructor-led course; absent for e-learning. */
  sessionId?: string;
}

/**
 * LE-E1, LE-E2, LE-E3: enrolls a learner in a published course, once (409
 * `ENROLLMENT.ALREADY_EXISTS`), in a session of an instructor-led course. Administrators
 * enroll anyone, except in a course they teach (LE-C2: instructors never enroll); a power user
 * the members of its scope's groups, when its profile holds `enrollments.manage` (ID-U2); a
 * manager its managees (ID-G4); both from learning's projections of identity's events; a
 * learner itself, in a course of its catalog. The course's policy
 * and the session's seats decide the first state; `enrollment.created` is written with it.
 */
@Injectable()
export class CreateEnrollmentUseCase {
  constructor(
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
    private readonly reaches: LearnerReaches,
    private readonly seats: SessionSeatKeeper,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateEnrollmentCommand): Promise<Enrollment> {
    const { tenantId, actor, courseId, userId } = command;
    const reach = await this.reaches.of(actor, userId);
    if (!mayEnroll(actor, userId, reach)) throw new EnrollmentForbiddenError({ courseId, userId });
    const course = await this.courseToEnrollIn(command, reach);
    if (!mayEnrollIn(actor, userId, course, reach)) throw new EnrollmentForbiddenError({ courseId, userId });
    const session = await this.sessionOf(course, command.sessionId);
    if (await this.enrollments.findOf(tenantId, courseId, userId))
      throw new EnrollmentAlreadyExistsError(courseId, userId);

    const now = this.clock.now();
    const id = newId(now);
    const seat = session ? { tenantId, sessionId: session.id, enrollmentId: id } : null;
    let outcome: SeatOutcome | undefined;
    if (seat && session && needsSeatToEnroll(course.kind, course.enrollmentPolicy)) {
      // A seat left free while learners wait (a crash between freeing it and handing it on)
      // goes to the oldest of them first: a newcomer never takes a seat ahead of them.
      await this.seats.promoteWaiting(tenantId, session.id, session.capacity);
      outcome = (await this.seats.claim(seat, session.capacity)) === 'full' ? 'full' : 'taken';
    }
    const enrollment = newEnrollment(
      {
        tenantId,
        courseId,
        userId,
        courseKind: course.kind,
        sessionId: session?.id ?? null,
        state: firstState(course.kind, course.enrollmentPolicy, outcome),
      },
      { id, now },
    );
    const outbox = [enrollmentEvent(this.events, 'enrollment.created', enrollment, null, course.title)];
    if (await this.enrollments.insert({ enrollment, outbox })) return enrollment;
    // Enrolled at the same time by another request: the seat taken for nothing goes on.
    if (seat && session && outcome === 'taken') await this.seats.freeAndPromote(seat, session.capacity);
    throw new EnrollmentAlreadyExistsError(courseId, userId);
  }

  /**
   * The published course: any of the tenant's for those who manage enrollments and for those
   * who reach the learner, one of its catalog for a learner itself.
   */
  private async courseToEnrollIn(command: CreateEnrollmentCommand, reach: LearnerReach): Promise<Course> {
    const { tenantId, actor, courseId } = command;
    const course =
      managesEnrollments(actor) || reach !== 'none'
        ? await this.courses.findById(tenantId, courseId)
        : await openCourseToRead(this.courses, this.memberships, { tenantId, id: courseId, actor });
    if (!course) throw new CourseNotFoundError(courseId);
    if (course.state !== 'published') throw new EnrollmentCourseNotPublishedError(courseId);
    return course;
  }

  /** The session of an instructor-led course (required), none for e-learning (refused). */
  private async sessionOf(course: Course, sessionId: string | undefined): Promise<CourseSession | null> {
    if (course.kind === 'elearning') {
      if (sessionId !== undefined) throw new EnrollmentSessionNotAllowedError(course.id);
      return null;
    }
    if (sessionId === undefined) throw new EnrollmentSessionRequiredError(course.id);
    const session = await this.sessions.findById(course.tenantId, course.id, sessionId);
    if (!session) throw new SessionNotFoundError(course.id, sessionId);
    return session;
  }
}
