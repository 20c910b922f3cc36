import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { UserChange, UserProjection } from '../domain/user';

/** The users coaching keeps from identity's events. Every query is scoped by tenant. */
export interface UserProjectionRepository {
  /** Applies a user event unless the projection already holds that version or a newer one. */
  apply(change: UserChange): Promise<ProjectionOutcome>;
  find(tenantId: string, userId: string): Promise<UserProjection | null>;
}

export const USER_PROJECTION_REPOSITORY = Symbol('USER_PROJECTION_REPOSITORY');
