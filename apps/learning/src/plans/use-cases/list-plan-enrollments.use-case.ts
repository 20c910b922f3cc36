import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { PlanEnrollment } from '../domain/plan-enrollment';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { openPlanToManage, type PlanTarget } from './open-plan';

/** LE-P1: a plan's learners with their states, in enrollment order, to those who manage plans. */
@Injectable()
export class ListPlanEnrollmentsUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
  ) {}

  async execute(command: PlanTarget & { page: PageRequest }): Promise<Page<PlanEnrollment>> {
    const plan = await openPlanToManage(this.plans, command);
    return this.planEnrollments.listOfPlan(command.tenantId, plan.id, command.page);
  }
}
