import { Inject, Injectable } from '@nestjs/common';
import type { LearnerRecommendationChange } from '../domain/learner-recommendation';
import {
  LEARNER_RECOMMENDATION_REPOSITORY,
  type LearnerRecommendationRepository,
  type RecommendationOutcome,
} from '../ports/learner-recommendation.repository';

/**
 * Keeps learning's projection of coaches' recommendations (CO-W4) from a batch of coaching's
 * recommendation events: each recommendation ends at its newest event, whatever the order of the
 * batch; idempotent under redelivery, an event not newer than what is stored changes nothing
 * (rule 2).
 */
@Injectable()
export class ApplyRecommendationEventsUseCase {
  constructor(
    @Inject(LEARNER_RECOMMENDATION_REPOSITORY)
    private readonly recommendations: LearnerRecommendationRepository,
  ) {}

  async execute(changes: readonly LearnerRecommendationChange[]): Promise<RecommendationOutcome[]> {
    if (changes.length === 0) return [];
    return this.recommendations.applyMany(changes);
  }
}
