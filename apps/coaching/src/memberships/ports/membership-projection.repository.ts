import type { GroupRole } from '@lms/contracts';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { Membership, MembershipChange } from '../domain/membership';

/** The group memberships coaching keeps from identity's events. Every query is scoped by tenant. */
export interface MembershipProjectionRepository {
  /**
   * Applies membership events in bulk (rule 8), keeping version order per membership: for each
   * change, 'applied' when it was newer than what the projection held (and than the changes
   * of the same membership before it), 'stale' otherwise; in the order of `changes`. A batch
   * may hold several versions of one membership; the projection ends at the newest.
   */
  applyMany(changes: readonly MembershipChange[]): Promise<ProjectionOutcome[]>;
  findMany(tenantId: string, groupId: string, userIds: readonly string[]): Promise<Membership[]>;
  /** Active members of a group holding any of the roles, ordered by userId, after `afterUserId`. */
  listActiveWithAnyRole(
    tenantId: string,
    groupId: string,
    roles: readonly GroupRole[],
    page: { afterUserId: string | null; limit: number },
  ): Promise<Membership[]>;
}

export const MEMBERSHIP_PROJECTION_REPOSITORY = Symbol('MEMBERSHIP_PROJECTION_REPOSITORY');
