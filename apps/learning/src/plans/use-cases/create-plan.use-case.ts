import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import { newPlan, type Plan, type PlanDetails } from '../domain/plan';
import { managesPlans } from '../domain/plan-access';
import { PlanForbiddenError } from '../plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import { checkPlanDetails } from './check-plan-details';

export interface CreatePlanCommand {
  tenantId: string;
  actor: CourseActor;
  details: PlanDetails;
}

/** LE-P1: an administrator or power user makes a learning plan of 1 to 50 courses of the tenant. */
@Injectable()
export class CreatePlanUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreatePlanCommand): Promise<Plan> {
    if (!managesPlans(command.actor)) throw new PlanForbiddenError();
    const details = await checkPlanDetails(this.courses, command.tenantId, command.details);
    const now = this.clock.now();
    const plan = newPlan(command.tenantId, details, { id: newId(now), now });
    await this.plans.insert(plan);
    return plan;
  }
}
