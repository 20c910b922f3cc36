import { Inject, Injectable } from '@nestjs/common';
import type { PageRequest } from '@lms/kernel';
import { coversAnyOf, type PlanEnrollment } from '../domain/plan-enrollment';
import {
  PLAN_ENROLLMENT_REPOSITORY,
  type PlanEnrollmentRepository,
} from '../ports/plan-enrollment.repository';
import { PlanStateKeeper } from './plan-state-keeper';

/** A learner's plan enrollments read at a time. */
const PLANS_PAGE = 200;

/** A learner's enrollment in a course changed (created, moved, unenrolled). */
export interface CourseEnrollmentTouched {
  tenantId: string;
  userId: string;
  courseId: string;
}

/**
 * LE-P1: after a batch of changes of learners' course enrollments, recomputes the state of every
 * plan enrollment of those learners that holds one of the courses: each learner's plans are read
 * once per batch, each plan touched is recomputed once (from the enrollments as they are now,
 * so a redelivered or older event writes nothing).
 */
@Injectable()
export class RefreshPlanStatesUseCase {
  constructor(
    @Inject(PLAN_ENROLLMENT_REPOSITORY) private readonly planEnrollments: PlanEnrollmentRepository,
    private readonly planStates: PlanStateKeeper,
  ) {}

  async execute(touched: readonly CourseEnrollmentTouched[]): Promise<void> {
    const byLearner = new Map<string, { tenantId: string; userId: string; courseIds: Set<string> }>();
    for (const { tenantId, userId, courseId } of touched) {
      const key = `${tenantId}:${userId}`;
      const learner = byLearner.get(key) ?? { tenantId, userId, courseIds: new Set<string>() };
      learner.courseIds.add(courseId);
      byLearner.set(key, learner);
    }
    for (const { tenantId, userId, courseIds } of byLearner.values())
      for (const planEnrollment of await this.plansOf(tenantId, userId))
        if (coversAnyOf(planEnrollment, courseIds))
          await this.planStates.refresh({ tenantId, planId: planEnrollment.planId, userId });
  }

  /** Every plan enrollment of a learner (a learner is in few plans). */
  private async plansOf(tenantId: string, userId: string): Promise<PlanEnrollment[]> {
    const all: PlanEnrollment[] = [];
    let page: PageRequest = { limit: PLANS_PAGE };
    for (;;) {
      const read = await this.planEnrollments.listOfUser(tenantId, userId, page);
      all.push(...read.items);
      if (read.nextCursor === null) return all;
      page = { limit: PLANS_PAGE, cursor: read.nextCursor };
    }
  }
}
