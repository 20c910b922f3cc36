import type { Page, PageRequest } from '@lms/kernel';
import type { Plan } from '../domain/plan';

/**
 * Learning plans of one tenant at a time: every method takes the tenant id, and a plan of
 * another tenant is not found. Plans publish no events of their own.
 */
export interface PlanRepository {
  insert(plan: Plan): Promise<void>;
  findById(tenantId: string, id: string): Promise<Plan | null>;
  /** Plans in creation order. */
  list(tenantId: string, page: PageRequest): Promise<Page<Plan>>;
  /** Replaces a plan by its next state if it is still at `expectedVersion`; false otherwise (nothing written). */
  save(tenantId: string, changed: Plan, expectedVersion: number): Promise<boolean>;
  /** Deletes a plan for good if it is still at `expectedVersion`; false otherwise. */
  delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean>;
}

export const PLAN_REPOSITORY = Symbol('PLAN_REPOSITORY');
