import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CoachingTenant, CoachingTenantChange } from '../domain/coaching-tenant';

/** The tenants coaching keeps from identity's tenants stream, each keyed by its code (the tenant id). */
export interface CoachingTenantRepository {
  /**
   * Applies tenant events in bulk, keeping version order per tenant: for each change,
   * 'applied' when it was newer than what the projection held (and than the changes of the
   * same tenant before it), 'stale' otherwise (and it changed nothing); in the order of
   * `changes`. A batch may hold several versions of one tenant; the projection ends at the
   * newest.
   */
  applyMany(changes: readonly CoachingTenantChange[]): Promise<ProjectionOutcome[]>;
  /** The tenant; null when the projection never saw it. */
  find(tenantId: string): Promise<CoachingTenant | null>;
}

export const COACHING_TENANT_REPOSITORY = Symbol('COACHING_TENANT_REPOSITORY');
