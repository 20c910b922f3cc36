import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { managesEnrollments } from '../../enrollments/domain/enrollment-access';
import { PowerUserScopes } from '../../users/use-cases/power-user-scopes';
import type { PlanEnrollment } from '../domain/plan-enrollment';
import { PLAN_REPOSITORY, type PlanRepository } from '../ports/plan.repository';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { openPlanToManage, type PlanTarget } from './open-plan';

/**
 * LE-P1: a plan's learners with their plan states, in enrollment order, to those who manage
 * plans: every one to administrators; to a power user those of its scope only (LE-E3), so a
 * page may hold fewer than its limit while a next one follows.
 */
@Injectable()
export class ListPlanEnrollmentsUseCase {
  constructor(
    @Inject(PLAN_REPOSITORY) private readonly plans: PlanRepository,
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    private readonly powerUsers: PowerUserScopes,
  ) {}

  async execute(command: PlanTarget & { page: PageRequest }): Promise<Page<PlanEnrollment>> {
    const plan = await openPlanToManage(this.plans, command);
    const page = await this.planEnrollments.listOfPlan(command.tenantId, plan.id, command.page);
    if (managesEnrollments(command.actor)) return page;
    const inScope = await this.powerUsers.enrollmentLearnersAmong(
      command.actor,
      page.items.map((enrollment) => enrollment.userId),
    );
    return { ...page, items: page.items.filter((enrollment) => inScope.has(enrollment.userId)) };
  }
}
