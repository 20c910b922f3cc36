import { Inject, Injectable } from '@nestjs/common';
import { JobRunner, type JobQueue } from '@lms/jobs';
import type { GroupRole } from '@lms/contracts';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import { holdsRoleIn, type CourseActor } from '../../courses/domain/course-access';
import { CourseNotFoundError, SessionNotFoundError } from '../../courses/courses.errors';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import { managesEnrollments } from '../../enrollments/domain/enrollment-access';
import { PowerUserScopes } from '../../users/use-cases/power-user-scopes';
import {
  EnrollmentCourseNotPublishedError,
  EnrollmentSessionNotAllowedError,
  EnrollmentSessionRequiredError,
} from '../../enrollments/enrollments.errors';
import { PlanNotFoundError } from '../../plans/plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../../plans/ports/plan.repository';
import {
  DEFAULT_ENROLLED_ROLES,
  newGroupEnrollment,
  type GroupEnrollment,
  type GroupEnrollmentTarget,
} from '../domain/group-enrollment';
import { groupEnrollmentJob } from '../group-enrollment.job';
import {
  GroupEnrollmentAlreadyExistsError,
  GroupEnrollmentForbiddenError,
  GroupEnrollmentTargetInvalidError,
} from '../group-enrollments.errors';
import {
  GROUP_ENROLLMENT_REPOSITORY,
  type GroupEnrollmentRepository,
} from '../ports/group-enrollment.repository';

export interface StartGroupEnrollmentCommand {
  tenantId: string;
  actor: CourseActor;
  groupId: string;
  /** Exactly one of a course and a plan. */
  courseId?: string;
  planId?: string;
  /** The session of an instructor-led course. */
  sessionId?: string;
  /** The roles whose holders are enrolled; `learner` when absent. */
  roles?: readonly GroupRole[];
}

/**
 * LE-G1: an administrator, or a power user for a group of its scope (LE-E3), assigns a published course (in a session when
 * instructor-led) or a plan to a group: it is stored `running` and a job enrolls the group's
 * current members holding one of the roles; members who join later are enrolled as they come.
 * One current group enrollment per group and target (409 `GROUP_ENROLLMENT.ALREADY_EXISTS`).
 */
@Injectable()
export class StartGroupEnrollmentUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    private readonly powerUsers: PowerUserScopes,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: StartGroupEnrollmentCommand): Promise<GroupEnrollment> {
    const { tenantId, actor, groupId } = command;
    if (!managesEnrollments(actor) && !(await this.powerUsers.managesEnrollmentsIn(actor, groupId)))
      throw new GroupEnrollmentForbiddenError({ groupId });
    const target = await this.targetOf(command);
    const now = this.clock.now();
    const created = newGroupEnrollment(
      {
        tenantId,
        groupId,
        target,
        roles: [...(command.roles?.length ? command.roles : DEFAULT_ENROLLED_ROLES)],
        createdBy: actor.userId,
      },
      { id: newId(now), now },
    );
    if (!(await this.groupEnrollments.insert(created)))
      throw new GroupEnrollmentAlreadyExistsError(
        groupId,
        target.kind === 'course' ? { courseId: target.courseId } : { planId: target.planId },
      );
    // Lost with the process before this line, the job is enqueued by the runner's recovery.
    await this.jobs.enqueue(groupEnrollmentJob(created));
    return created;
  }

  private async targetOf(command: StartGroupEnrollmentCommand): Promise<GroupEnrollmentTarget> {
    const { courseId, planId, sessionId } = command;
    if ((courseId === undefined) === (planId === undefined))
      throw new GroupEnrollmentTargetInvalidError('name exactly one of courseId and planId');
    if (planId !== undefined) {
      if (sessionId !== undefined)
        throw new GroupEnrollmentTargetInvalidError('a plan takes no session: its courses choose theirs');
      if (!(await this.plans.findById(command.tenantId, planId))) throw new PlanNotFoundError(planId);
      return { kind: 'plan', planId };
    }
    const course = await this.courses.findById(command.tenantId, courseId as string);
    if (!course) throw new CourseNotFoundError(courseId as string);
    if (course.state !== 'published') throw new EnrollmentCourseNotPublishedError(course.id);
    // LE-C2: an instructor never enrolls anyone in its course, not even as an administrator.
    if (holdsRoleIn(command.actor, course, 'instructor'))
      throw new GroupEnrollmentForbiddenError({ courseId: course.id });
    return { kind: 'course', courseId: course.id, sessionId: await this.sessionOf(course, sessionId) };
  }

  /** The session of an instructor-led course (required), none for e-learning (refused). */
  private async sessionOf(course: Course, sessionId: string | undefined): Promise<string | null> {
    if (course.kind === 'elearning') {
      if (sessionId !== undefined) throw new EnrollmentSessionNotAllowedError(course.id);
      return null;
    }
    if (sessionId === undefined) throw new EnrollmentSessionRequiredError(course.id);
    if (!(await this.sessions.findById(course.tenantId, course.id, sessionId)))
      throw new SessionNotFoundError(course.id, sessionId);
    return sessionId;
  }
}
