import type { ProjectionOutcome } from '../../shared/projection-outcome';
import type { CoachingUser, CoachingUserChange } from '../domain/coaching-user';

/** The users coaching keeps from identity's users stream. Every query is scoped by tenant. */
export interface CoachingUserRepository {
  /**
   * Applies user events in bulk (rule 8), keeping version order per user: for each change,
   * 'applied' when it was newer than what the projection held (and than the changes of the
   * same user before it), 'stale' otherwise (and it changed nothing); in the order of
   * `changes`. A batch may hold several versions of one user; the projection ends at the
   * newest. A deletion leaves a tombstone at its version.
   */
  applyMany(changes: readonly CoachingUserChange[]): Promise<ProjectionOutcome[]>;
  /** The user, a tombstone included; null when the projection never saw it in this tenant. */
  find(tenantId: string, userId: string): Promise<CoachingUser | null>;
  /** The users of the tenant the projection holds among `userIds` (tombstones included), in no order. */
  findMany(tenantId: string, userIds: readonly string[]): Promise<CoachingUser[]>;
}

export const COACHING_USER_REPOSITORY = Symbol('COACHING_USER_REPOSITORY');
