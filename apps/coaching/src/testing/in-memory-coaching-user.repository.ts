import { foldNewestState } from '@lms/kernel';
import type { ProjectionOutcome } from '../shared/projection-outcome';
import {
  coachingUserAfter,
  coachingUserKey,
  type CoachingUser,
  type CoachingUserChange,
} from '../users/domain/coaching-user';
import type { CoachingUserRepository } from '../users/ports/coaching-user.repository';

/** The projection of users in memory, with the same version rule as the Mongo one. */
export class InMemoryCoachingUserRepository implements CoachingUserRepository {
  private readonly rows = new Map<string, CoachingUser>();

  async applyMany(changes: readonly CoachingUserChange[]): Promise<ProjectionOutcome[]> {
    const outcomes: ProjectionOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = coachingUserKey(change.tenantId, change.userId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const { newer, write } = foldNewestState(
        this.rows.get(key)?.version ?? null,
        indexes.map((i) => changes[i] as CoachingUserChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (write) this.rows.set(key, coachingUserAfter(write));
    }
    return outcomes;
  }

  async find(tenantId: string, userId: string): Promise<CoachingUser | null> {
    const row = this.rows.get(coachingUserKey(tenantId, userId));
    return row ? structuredClone(row) : null;
  }

  async findMany(tenantId: string, userIds: readonly string[]): Promise<CoachingUser[]> {
    return [...new Set(userIds)]
      .map((userId) => this.rows.get(coachingUserKey(tenantId, userId)))
      .filter((user): user is CoachingUser => user !== undefined)
      .map((user) => structuredClone(user));
  }
}
