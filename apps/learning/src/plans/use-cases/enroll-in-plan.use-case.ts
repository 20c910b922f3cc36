import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import { EnrollmentAlreadyExistsError, EnrollmentForbiddenError } from '../../enrollments/enrollments.errors';
import { mayEnroll } from '../../enrollments/domain/enrollment-access';
import { CreateEnrollmentUseCase } from '../../enrollments/use-cases/create-enrollment.use-case';
import { LearnerReaches } from '../../enrollments/use-cases/learner-reaches';
import { newPlanEnrollment, type PlanEnrollment } from '../domain/plan-enrollment';
import { managesPlans } from '../domain/plan-access';
import { sessionForPlan } from '../domain/plan-session-choice';
import { planStateOf } from '../domain/plan-state';
import { PlanEnrollmentAlreadyExistsError, PlanForbiddenError, PlanNotFoundError } from '../plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { planEnrollmentEvent } from './plan-enrollment-events';
import { PlanStateKeeper } from './plan-state-keeper';

/** Sessions of one course read at a time while looking for the one to enroll in. */
const SESSION_PAGE = 50;

export interface EnrollInPlanCommand {
  tenantId: string;
  actor: CourseActor;
  planId: string;
  userId: string;
}

/** What enrolling in a plan did with one of its courses. */
export type PlanCourseOutcome =
  /** Enrolled now, through the same rules as `POST /v1/enrollments`. */
  | 'enrolled'
  /** Enrolled before: kept as it is. */
  | 'kept'
  /** A draft or archived course: it takes no enrollments. */
  | 'not_published'
  /** An instructor-led course with no session left to come. */
  | 'no_session';

/**
 * LE-P1: an administrator, or a power user a member of its scope (LE-E3), enrolls a learner in a plan, once per plan (409
 * `PLAN.ENROLLMENT_ALREADY_EXISTS`): the learner is enrolled in each published course of the
 * plan through {@link CreateEnrollmentUseCase} (its policy and seats decide each state; an
 * instructor-led course in its soonest session to come), a course it is enrolled in already is
 * kept as it is, and the plan enrollment is written with the state derived from them and its
 * `plan-enrollment.created` event.
 */
@Injectable()
export class EnrollInPlanUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    private readonly createEnrollment: CreateEnrollmentUseCase,
    private readonly reaches: LearnerReaches,
    private readonly planStates: PlanStateKeeper,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    command: EnrollInPlanCommand,
  ): Promise<{ planEnrollment: PlanEnrollment; courses: Map<string, PlanCourseOutcome> }> {
    const { tenantId, planId, userId } = command;
    const plan = await this.plans.findById(tenantId, planId);
    if (!plan) throw new PlanNotFoundError(planId);
    if (!managesPlans(command.actor)) throw new PlanForbiddenError(planId);
    // LE-E3: a power user enrolls the members of its scope only, even in a plan without a
    // published course (each course's enrollment checks it again).
    if (!mayEnroll(command.actor, userId, await this.reaches.of(command.actor, userId)))
      throw new EnrollmentForbiddenError({ planId, userId });
    if (await this.planEnrollments.findOf(tenantId, planId, userId))
      throw new PlanEnrollmentAlreadyExistsError(planId, userId);

    const outcomes = new Map<string, PlanCourseOutcome>();
    for (const courseId of plan.courseIds)
      outcomes.set(courseId, await this.enrollInCourse(command, courseId));

    const states = await this.planStates.courseStatesOf(tenantId, userId, plan.courseIds);
    const now = this.clock.now();
    const created = newPlanEnrollment(
      { tenantId, planId, userId, courseIds: plan.courseIds, state: planStateOf([...states.values()]) },
      { id: newId(now), now },
    );
    const outbox = [planEnrollmentEvent(this.events, 'plan-enrollment.created', created, null)];
    if (!(await this.planEnrollments.insert({ planEnrollment: created, outbox })))
      throw new PlanEnrollmentAlreadyExistsError(planId, userId);
    // A course's change between reading the states and the insert found no plan enrollment to
    // recompute: recompute once now that it exists.
    const planEnrollment = (await this.planStates.refresh({ tenantId, planId, userId })) ?? created;
    return { planEnrollment, courses: outcomes };
  }

  private async enrollInCourse(command: EnrollInPlanCommand, courseId: string): Promise<PlanCourseOutcome> {
    const { tenantId, actor, userId } = command;
    const course = await this.courses.findById(tenantId, courseId);
    if (!course || course.state !== 'published') return 'not_published';
    let sessionId: string | undefined;
    if (course.kind === 'ilt') {
      const next = await this.sessionToJoin(course);
      if (next === null) return 'no_session';
      sessionId = next;
    }
    try {
      await this.createEnrollment.execute({ tenantId, actor, courseId, userId, sessionId });
      return 'enrolled';
    } catch (error) {
      if (error instanceof EnrollmentAlreadyExistsError) return 'kept';
      throw error;
    }
  }

  /** The soonest session of an instructor-led course still to come; null: none. */
  private async sessionToJoin(course: Course): Promise<string | null> {
    const now = this.clock.now();
    let cursor: string | undefined;
    do {
      const page = await this.sessions.list(course.tenantId, course.id, { limit: SESSION_PAGE, cursor });
      const chosen = sessionForPlan(page.items, now);
      if (chosen !== null) return chosen;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return null;
  }
}
