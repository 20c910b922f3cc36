import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, CLOCK, withOptimisticRetry, type Clock } from '@lms/kernel';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  editPlan,
  patchedPlanDetails,
  sameCourses,
  samePlanDetails,
  type Plan,
  type PlanDetails,
} from '../domain/plan';
import { PlanHasEnrollmentsError } from '../plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { checkPlanDetails } from './check-plan-details';
import { openPlanToManage, type PlanTarget } from './open-plan';

export interface EditPlanCommand extends PlanTarget {
  /** The version read (`If-Match`); absent: whatever the current one is. */
  expectedVersion?: number;
  /** The fields to change; those absent are kept. */
  patch: Partial<PlanDetails>;
}

/**
 * LE-P1: an administrator or power user edits a plan's title, description and courses. A plan
 * with learners keeps its courses (409 `PLAN.HAS_ENROLLMENTS`): their states are derived from
 * exactly these. A change that changes nothing writes nothing.
 */
@Injectable()
export class EditPlanUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: EditPlanCommand): Promise<Plan> {
    return withOptimisticRetry<Plan>(async () => {
      const plan = await openPlanToManage(this.plans, command);
      assertExpectedVersion(command.expectedVersion, plan.version);
      const details = patchedPlanDetails(plan, command.patch);
      if (samePlanDetails(plan, details)) return { outcome: 'written', value: plan };
      const coursesChange = !sameCourses(plan.courseIds, details.courseIds);
      if (coursesChange) await checkPlanDetails(this.courses, command.tenantId, details);
      if (coursesChange && (await this.planEnrollments.anyOfPlan(command.tenantId, plan.id)))
        throw new PlanHasEnrollmentsError(plan.id);
      const next = editPlan(plan, details, this.clock.now());
      if (!(await this.plans.save(command.tenantId, next, plan.version))) return { outcome: 'stale' };
      return { outcome: 'written', value: next };
    });
  }
}
