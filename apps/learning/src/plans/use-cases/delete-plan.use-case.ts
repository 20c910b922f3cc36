import { Inject, Injectable } from '@nestjs/common';
import { assertExpectedVersion, withOptimisticRetry } from '@lms/kernel';
import { PlanHasEnrollmentsError } from '../plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { openPlanToManage, type PlanTarget } from './open-plan';

/**
 * LE-P1: deletes a plan nobody is enrolled in, for good (409 `PLAN.HAS_ENROLLMENTS`
 * otherwise); its courses and their enrollments are not touched.
 */
@Injectable()
export class DeletePlanUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
  ) {}

  async execute(command: PlanTarget & { expectedVersion?: number }): Promise<void> {
    await withOptimisticRetry<string>(async () => {
      const plan = await openPlanToManage(this.plans, command);
      assertExpectedVersion(command.expectedVersion, plan.version);
      if (await this.planEnrollments.anyOfPlan(command.tenantId, plan.id))
        throw new PlanHasEnrollmentsError(plan.id);
      if (!(await this.plans.delete(command.tenantId, plan.id, plan.version))) return { outcome: 'stale' };
      return { outcome: 'written', value: plan.id };
    });
  }
}
