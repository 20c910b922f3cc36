import type { CourseRepository } from '../../courses/ports/course.repository';
import { planDetailsProblem, type PlanDetails } from '../domain/plan';
import { PlanCourseNotFoundError, PlanInvalidError } from '../plans.errors';

const PROBLEMS = {
  no_courses: 'a plan holds at least one course',
  too_many_courses: 'a plan holds at most 50 courses',
  duplicate_courses: 'each course is in a plan once',
} as const;

/**
 * Refuses plan details that break the plan's rules (`PLAN.INVALID`) or name a course the
 * tenant does not have (`PLAN.COURSE_NOT_FOUND`); a course of any state may be in a plan
 * (only published ones take enrollments).
 */
export async function checkPlanDetails(
  courses: CourseRepository,
  tenantId: string,
  details: PlanDetails,
): Promise<PlanDetails> {
  const problem = planDetailsProblem(details);
  if (problem) throw new PlanInvalidError(PROBLEMS[problem]);
  // One read by `_id` per course (at most 50).
  const found = await Promise.all(details.courseIds.map((id) => courses.findById(tenantId, id)));
  const missing = details.courseIds.filter((_id, index) => found[index] === null);
  if (missing.length > 0) throw new PlanCourseNotFoundError(missing);
  return details;
}
