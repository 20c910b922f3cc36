import { Inject, Injectable } from '@nestjs/common';
import { mayRemove } from '../domain/recommendation-access';
import { RECOMMENDATION_REPOSITORY, type RecommendationRepository } from '../ports/recommendation.repository';
import { RecommendationNotFoundError, RecommendationRemovalForbiddenError } from '../recommendations.errors';

/**
 * CO-W4: the coach who made a recommendation takes it back. Another tenant's, or one that does
 * not exist, is not found (404) before anyone's rights are weighed.
 */
@Injectable()
export class RemoveRecommendationUseCase {
  constructor(
    @Inject(RECOMMENDATION_REPOSITORY) private readonly recommendations: RecommendationRepository,
  ) {}

  async execute(command: { tenantId: string; id: string; userId: string | null }): Promise<void> {
    const { tenantId, id } = command;
    const recommendation = await this.recommendations.findById(tenantId, id);
    if (!recommendation) throw new RecommendationNotFoundError(id);
    if (!mayRemove(recommendation, command.userId)) throw new RecommendationRemovalForbiddenError(id);
    await this.recommendations.delete(tenantId, id);
  }
}
