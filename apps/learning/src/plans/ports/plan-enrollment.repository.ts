import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { PlanEnrollment } from '../domain/plan-enrollment';

/** A plan enrollment as written, with the events its change publishes (rule 1: in the same write). */
export interface PlanEnrollmentWithEvents {
  planEnrollment: PlanEnrollment;
  outbox: readonly OutboxEntry[];
}

/**
 * Learners' enrollments in plans, one tenant at a time; one per tenant, plan and learner. Each
 * write stores the plan enrollment and its events in one single-document write.
 */
export interface PlanEnrollmentRepository {
  /**
   * Inserts a new plan enrollment with its events, and has them published; false (nothing
   * written) when the learner is enrolled in the plan already.
   */
  insert(created: PlanEnrollmentWithEvents): Promise<boolean>;
  /** The learner's enrollment in a plan. */
  findOf(tenantId: string, planId: string, userId: string): Promise<PlanEnrollment | null>;
  /** A plan's enrollments, in creation order. */
  listOfPlan(tenantId: string, planId: string, page: PageRequest): Promise<Page<PlanEnrollment>>;
  /** A learner's plan enrollments, in creation order. */
  listOfUser(tenantId: string, userId: string, page: PageRequest): Promise<Page<PlanEnrollment>>;
  /** Whether anyone is enrolled in the plan. */
  anyOfPlan(tenantId: string, planId: string): Promise<boolean>;
  /**
   * Replaces a plan enrollment by its next state, with its events, if it is still at
   * `expectedVersion`; false otherwise (nothing written).
   */
  save(tenantId: string, changed: PlanEnrollmentWithEvents, expectedVersion: number): Promise<boolean>;
}

export const PLAN_ENROLLMENT_REPOSITORY = Symbol('PLAN_ENROLLMENT_REPOSITORY');
