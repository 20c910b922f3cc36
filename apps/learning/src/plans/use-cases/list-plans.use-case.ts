import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { CourseActor } from '../../courses/domain/course-access';
import type { Plan } from '../domain/plan';
import { managesPlans } from '../domain/plan-access';
import { PlanForbiddenError } from '../plans.errors';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';

export interface ListPlansCommand {
  tenantId: string;
  actor: CourseActor;
  page: PageRequest;
}

/** LE-P1: the tenant's plans in creation order, to those who manage plans. */
@Injectable()
export class ListPlansUseCase {
  constructor(@Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository) {}

  async execute(command: ListPlansCommand): Promise<Page<Plan>> {
    if (!managesPlans(command.actor)) throw new PlanForbiddenError();
    return this.plans.list(command.tenantId, command.page);
  }
}
