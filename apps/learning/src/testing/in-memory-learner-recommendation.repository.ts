import { foldNewestState, slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import {
  learnerRecommendationKey,
  type LearnerRecommendation,
  type LearnerRecommendationChange,
} from '../recommendations/domain/learner-recommendation';
import type {
  LearnerRecommendationRepository,
  RecommendationOutcome,
} from '../recommendations/ports/learner-recommendation.repository';

/** Newest first, ties by document id, as the Mongo repository sorts them. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<LearnerRecommendation>> = [
  ['recommendedAt', (r) => r.recommendedAt, -1],
  ['_id', (r) => learnerRecommendationKey(r.tenantId, r.recommendationId), -1],
];

/** The recommendations projection in memory: the same version guards as the Mongo one. */
export class InMemoryLearnerRecommendationRepository implements LearnerRecommendationRepository {
  private readonly rows = new Map<string, LearnerRecommendation>();

  async applyMany(changes: readonly LearnerRecommendationChange[]): Promise<RecommendationOutcome[]> {
    const outcomes: RecommendationOutcome[] = changes.map(() => 'stale');
    const byKey = new Map<string, number[]>();
    changes.forEach((change, index) => {
      const key = learnerRecommendationKey(change.tenantId, change.recommendationId);
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    for (const [key, indexes] of byKey) {
      const { newer, write } = foldNewestState(
        this.rows.get(key)?.version ?? null,
        indexes.map((i) => changes[i] as LearnerRecommendationChange),
      );
      indexes.forEach((i, n) => (outcomes[i] = newer[n] ? 'applied' : 'stale'));
      if (write) this.rows.set(key, structuredClone(write));
    }
    return outcomes;
  }

  async listOf(tenantId: string, userId: string, page: PageRequest): Promise<Page<LearnerRecommendation>> {
    const kept = [...this.rows.values()].filter(
      (r) => r.tenantId === tenantId && r.userId === userId && r.live,
    );
    return slicePage(
      kept.map((r) => structuredClone(r)),
      page,
      NEWEST_FIRST,
    );
  }
}
