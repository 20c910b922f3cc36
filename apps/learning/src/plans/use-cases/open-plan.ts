import type { CourseActor } from '../../courses/domain/course-access';
import type { Plan } from '../domain/plan';
import { managesPlans } from '../domain/plan-access';
import { PlanForbiddenError, PlanNotFoundError } from '../plans.errors';
import type { PlanRepository } from '../ports/plan.repository';

/** Which plan an actor reads or changes. */
export interface PlanTarget {
  tenantId: string;
  id: string;
  actor: CourseActor;
}

/**
 * The plan `actor` manages: unknown to the tenant (another tenant's) is not found (404) before
 * anyone's rights are weighed; a caller who does not manage plans is refused (403).
 */
export async function openPlanToManage(plans: PlanRepository, target: PlanTarget): Promise<Plan> {
  const plan = await plans.findById(target.tenantId, target.id);
  if (!plan) throw new PlanNotFoundError(target.id);
  if (!managesPlans(target.actor)) throw new PlanForbiddenError(target.id);
  return plan;
}
