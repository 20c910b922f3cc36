/** The longest title and description of a plan, in characters (once trimmed). */
export const MAX_PLAN_TITLE_LENGTH = 200;
export const MAX_PLAN_DESCRIPTION_LENGTH = 4000;
/** The most courses one plan is made of. */
export const MAX_PLAN_COURSES = 50;

/** What an administrator writes of a learning plan (LE-P1). */
export interface PlanDetails {
  title: string;
  /** Null: none. */
  description: string | null;
  /** Its courses, by id, each once, in the order the learner meets them (1 to 50). */
  courseIds: string[];
}

/** A learning plan made of courses of its tenant (LE-P1). */
export interface Plan extends PlanDetails {
  id: string;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Why plan details are refused; null: they are valid. */
export type PlanDetailsProblem = 'no_courses' | 'too_many_courses' | 'duplicate_courses';

/** LE-P1: a plan holds 1 to 50 courses, each once (the titles' lengths are checked at the edge). */
export function planDetailsProblem(details: Pick<PlanDetails, 'courseIds'>): PlanDetailsProblem | null {
  if (details.courseIds.length === 0) return 'no_courses';
  if (details.courseIds.length > MAX_PLAN_COURSES) return 'too_many_courses';
  if (new Set(details.courseIds).size !== details.courseIds.length) return 'duplicate_courses';
  return null;
}

/** A new plan at version 1, created and updated `now`. */
export function newPlan(tenantId: string, details: PlanDetails, at: { id: string; now: Date }): Plan {
  return {
    id: at.id,
    tenantId,
    ...details,
    courseIds: [...details.courseIds],
    createdAt: at.now,
    updatedAt: at.now,
    version: 1,
  };
}

/** The details after a change: absent fields are kept. */
export function patchedPlanDetails(plan: Plan, patch: Partial<PlanDetails>): PlanDetails {
  return {
    title: patch.title ?? plan.title,
    description: patch.description === undefined ? plan.description : patch.description,
    courseIds: [...(patch.courseIds ?? plan.courseIds)],
  };
}

/** Whether the plan already holds exactly these details. */
export function samePlanDetails(plan: Plan, details: PlanDetails): boolean {
  return (
    plan.title === details.title &&
    plan.description === details.description &&
    sameCourses(plan.courseIds, details.courseIds)
  );
}

/** Whether two lists name the same courses in the same order. */
export function sameCourses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The plan with new details, at its next version, updated `now`. */
export function editPlan(plan: Plan, details: PlanDetails, now: Date): Plan {
  return {
    ...plan,
    ...details,
    courseIds: [...details.courseIds],
    updatedAt: now,
    version: plan.version + 1,
  };
}
