import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class PlanNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('PLAN.NOT_FOUND', `Learning plan ${id} does not exist.`, { planId: id });
  }
}

/** LE-P1: administrators and power users make plans and enroll learners; learners read their own. */
export class PlanForbiddenError extends DomainError {
  constructor(planId?: string) {
    super(
      'PLAN.FORBIDDEN',
      'forbidden',
      'Only administrators and power users make learning plans and enroll learners in them; a learner reads its own plans.',
      planId === undefined ? undefined : { planId },
    );
  }
}

/** Plan details breaking their rules (the HTTP body is checked before). */
export class PlanInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('PLAN.INVALID', `The learning plan is not valid: ${reason}.`, { reason });
  }
}

/** LE-P1: a plan is made of courses of its own tenant. */
export class PlanCourseNotFoundError extends BusinessRuleError {
  constructor(courseIds: readonly string[]) {
    super('PLAN.COURSE_NOT_FOUND', `No such course in this tenant: ${courseIds.join(', ')}.`, {
      courseIds: [...courseIds],
    });
  }
}

/**
 * A plan with learners keeps its courses and is not deleted: their plan states are derived
 * from exactly these courses.
 */
export class PlanHasEnrollmentsError extends ConflictError {
  constructor(planId: string) {
    super(
      'PLAN.HAS_ENROLLMENTS',
      'Learners are enrolled in this plan: its courses no longer change and it is not deleted.',
      { planId },
    );
  }
}

/** LE-P1: one enrollment per plan and learner. */
export class PlanEnrollmentAlreadyExistsError extends ConflictError {
  constructor(planId: string, userId: string) {
    super('PLAN.ENROLLMENT_ALREADY_EXISTS', 'The learner is enrolled in this plan already.', {
      planId,
      userId,
    });
  }
}
