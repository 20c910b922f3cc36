import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, DomainError, newId, type Clock } from '@lms/kernel';
import type { Course } from '../../courses/domain/course';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import { newEnrollment } from '../../enrollments/domain/enrollment';
import { firstState } from '../../enrollments/domain/enrollment-policy';
import { EnrollmentAlreadyExistsError } from '../../enrollments/enrollments.errors';
import {
  ENROLLMENT_REPOSITORY,
  type EnrollmentRepository,
} from '../../enrollments/ports/enrollment.repository';
import { CreateEnrollmentUseCase } from '../../enrollments/use-cases/create-enrollment.use-case';
import { enrollmentEvent } from '../../enrollments/use-cases/enrollment-events';
import { PlanEnrollmentAlreadyExistsError, PlanNotFoundError } from '../../plans/plans.errors';
import { EnrollInPlanUseCase } from '../../plans/use-cases/enroll-in-plan.use-case';
import type { GroupEnrollment, MemberEnrollmentOutcome } from '../domain/group-enrollment';

/**
 * The caller a group enrollment enrolls its members as: the platform itself, with an
 * administrator's rights (who created the group enrollment was checked then), teaching nothing.
 */
function platformActor(tenantId: string): CourseActor {
  return { tenantId, userId: null, level: 'user', roles: ['application_admin'] };
}

/**
 * LE-G1: enrolls members of a group in what the group enrollment names, through the same rules
 * as one enrollment at a time: a free e-learning course in one bulk write (the learners not
 * enrolled yet); an instructor-led course seat by seat in its session; a plan through
 * {@link EnrollInPlanUseCase}. Safe to run twice: an enrollment that exists is `kept`.
 */
@Injectable()
export class GroupMemberEnroller {
  constructor(
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    private readonly createEnrollment: CreateEnrollmentUseCase,
    private readonly enrollInPlan: EnrollInPlanUseCase,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async enroll(group: GroupEnrollment, userIds: readonly string[]): Promise<MemberEnrollmentOutcome[]> {
    if (userIds.length === 0) return [];
    const { target } = group;
    if (target.kind === 'plan') return this.inPlan(group, target.planId, userIds);
    const course = await this.courses.findById(group.tenantId, target.courseId);
    if (!course || course.state !== 'published')
      return userIds.map((userId) => ({ userId, outcome: 'not_enrolled', reason: 'course_not_published' }));
    if (course.kind === 'elearning') return this.inElearning(course, userIds);
    return this.oneByOne(userIds, async (userId) => {
      await this.createEnrollment.execute({
        tenantId: group.tenantId,
        actor: platformActor(group.tenantId),
        courseId: course.id,
        userId,
        sessionId: target.sessionId ?? undefined,
      });
    });
  }

  /** One bulk write: each learner not enrolled yet in its first state, with its event. */
  private async inElearning(course: Course, userIds: readonly string[]): Promise<MemberEnrollmentOutcome[]> {
    const now = this.clock.now();
    const state = firstState(course.kind, course.enrollmentPolicy);
    const created = userIds.map((userId) => {
      const enrollment = newEnrollment(
        {
          tenantId: course.tenantId,
          courseId: course.id,
          userId,
          courseKind: course.kind,
          sessionId: null,
          state,
        },
        { id: newId(now), now },
      );
      return {
        enrollment,
        outbox: [enrollmentEvent(this.events, 'enrollment.created', enrollment, null, course.title)],
      };
    });
    const inserted = new Set(await this.enrollments.insertManyIfAbsent(course.tenantId, created));
    return created.map(({ enrollment }) => ({
      userId: enrollment.userId,
      outcome: inserted.has(enrollment.id) ? 'enrolled' : 'kept',
    }));
  }

  private inPlan(
    group: GroupEnrollment,
    planId: string,
    userIds: readonly string[],
  ): Promise<MemberEnrollmentOutcome[]> {
    return this.oneByOne(userIds, async (userId) => {
      await this.enrollInPlan.execute({
        tenantId: group.tenantId,
        actor: platformActor(group.tenantId),
        planId,
        userId,
      });
    });
  }

  /** Enrolls each member in turn; one enrolled before is `kept`, a target gone `not_enrolled`. */
  private async oneByOne(
    userIds: readonly string[],
    enrollOne: (userId: string) => Promise<void>,
  ): Promise<MemberEnrollmentOutcome[]> {
    const outcomes: MemberEnrollmentOutcome[] = [];
    for (const userId of userIds) {
      try {
        await enrollOne(userId);
        outcomes.push({ userId, outcome: 'enrolled' });
      } catch (error) {
        outcomes.push(outcomeOfRefusal(userId, error));
      }
    }
    return outcomes;
  }
}

/** What a refusal of one member's enrollment means for the group enrollment; anything else is a failure of the chunk. */
function outcomeOfRefusal(userId: string, error: unknown): MemberEnrollmentOutcome {
  if (error instanceof EnrollmentAlreadyExistsError || error instanceof PlanEnrollmentAlreadyExistsError)
    return { userId, outcome: 'kept' };
  if (error instanceof PlanNotFoundError)
    return { userId, outcome: 'not_enrolled', reason: 'plan_not_found' };
  // Any other rule refusing this member (a session gone, the course unpublished meanwhile): its code.
  if (error instanceof DomainError) return { userId, outcome: 'not_enrolled', reason: error.code };
  throw error;
}
