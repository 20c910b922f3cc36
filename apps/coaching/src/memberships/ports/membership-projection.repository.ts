import type { GroupRole } from '@lms/contracts';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { Membership, MembershipChange } from '../domain/membership';

/** The group memberships coaching keeps from identity's events. Every query is scoped by tenant. */
export interface MembershipProjectionRepository {
  /**
   * Applies a membership event unless the projection already holds that version or a newer
   * one ('stale'); one conditional single-document write.
   */
  apply(change: MembershipChange): Promise<ProjectionOutcome>;
  find(tenantId: string, groupId: string, userId: string): Promise<Membership | null>;
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
