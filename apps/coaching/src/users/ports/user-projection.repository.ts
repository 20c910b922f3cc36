import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange, UserProjection } from '../domain/user';

/** The users coaching keeps from identity's events. Every query is scoped by tenant. */
export interface UserProjectionRepository {
  /**
   * Applies a batch of user events (rule 8): for each, 'applied' when it was newer than what
   * the projection held, 'stale' otherwise, in the order of `changes`.
   */
  applyMany(changes: readonly UserChange[]): Promise<ProjectionOutcome[]>;
  /** One change: `applyMany([change])`. */
  apply(change: UserChange): Promise<ProjectionOutcome>;
  find(tenantId: string, userId: string): Promise<UserProjection | null>;
}

export const USER_PROJECTION_REPOSITORY = Symbol('USER_PROJECTION_REPOSITORY');
