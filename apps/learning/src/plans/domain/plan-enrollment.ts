import type { PlanState } from './plan-state';

/**
 * A learner's enrollment in a learning plan (LE-P1): one per tenant, plan and learner. Its
 * state is derived from the learner's enrollments in the plan's courses (see planStateOf) and
 * kept up to date as they change.
 */
export interface PlanEnrollment {
  id: string;
  tenantId: string;
  planId: string;
  userId: string;
  /**
   * The plan's courses when the learner was enrolled: a plan with enrollments keeps its
   * courses, so this is the plan's list, read without the plan.
   */
  courseIds: string[];
  state: PlanState;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A new plan enrollment at version 1, created and updated `now`. */
export function newPlanEnrollment(
  input: Pick<PlanEnrollment, 'tenantId' | 'planId' | 'userId' | 'courseIds' | 'state'>,
  at: { id: string; now: Date },
): PlanEnrollment {
  return {
    id: at.id,
    ...input,
    courseIds: [...input.courseIds],
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The plan enrollment in `state`, at its next version, updated `now`. */
export function withPlanState(enrollment: PlanEnrollment, state: PlanState, now: Date): PlanEnrollment {
  return { ...enrollment, state, updatedAt: now, version: enrollment.version + 1 };
}

/** Whether a plan enrollment is made of any of `courseIds`. */
export function coversAnyOf(
  enrollment: Pick<PlanEnrollment, 'courseIds'>,
  courseIds: ReadonlySet<string>,
): boolean {
  return enrollment.courseIds.some((id) => courseIds.has(id));
}
