import { Inject, Injectable } from '@nestjs/common';
import type { Plan } from '../domain/plan';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import { openPlanToManage, type PlanTarget } from './open-plan';

/** LE-P1: one plan, to those who manage plans. */
@Injectable()
export class GetPlanUseCase {
  constructor(@Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository) {}

  execute(command: PlanTarget): Promise<Plan> {
    return openPlanToManage(this.plans, command);
  }
}
