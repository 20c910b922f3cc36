import type { Page, PageRequest } from '@lms/kernel';
import type { LearnerRecommendation, LearnerRecommendationChange } from '../domain/learner-recommendation';

/** What became of one change of a batch: written, or not newer than what was stored. */
export type RecommendationOutcome = 'applied' | 'stale';

/** The recommendations learning keeps from coaching's events. Every read is scoped by tenant. */
export interface LearnerRecommendationRepository {
  /**
   * Applies recommendation events in bulk (rule 8), keeping version order per recommendation:
   * for each change, `applied` when it was newer than what the projection held (and than the
   * changes of the same recommendation before it), `stale` otherwise (and it changed nothing);
   * in the order of `changes`. A removal leaves a tombstone at its version.
   */
  applyMany(changes: readonly LearnerRecommendationChange[]): Promise<RecommendationOutcome[]>;
  /** The live recommendations made to a learner, newest first (by time, then by id). */
  listOf(tenantId: string, userId: string, page: PageRequest): Promise<Page<LearnerRecommendation>>;
}

export const LEARNER_RECOMMENDATION_REPOSITORY = Symbol('LEARNER_RECOMMENDATION_REPOSITORY');
