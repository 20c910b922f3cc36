import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../../courses/ports/catalog-course.repository';
import { mayRemove } from '../domain/recommendation-access';
import { removeRecommendation } from '../domain/recommendation';
import { RECOMMENDATION_REPOSITORY, type RecommendationRepository } from '../ports/recommendation.repository';
import { RecommendationNotFoundError, RecommendationRemovalForbiddenError } from '../recommendations.errors';
import { recommendationEvent } from './recommendation-events';

/**
 * CO-W4: the coach who made a recommendation takes it back, with its `recommendation.removed`
 * in the same write (rule 1): learning no longer shows it to the learner. Another tenant's, or
 * one that does not exist (or was removed), is not found (404) before anyone's rights are
 * weighed.
 */
@Injectable()
export class RemoveRecommendationUseCase {
  constructor(
    @Inject(RECOMMENDATION_REPOSITORY) private readonly recommendations: RecommendationRepository,
    @Inject(CATALOG_COURSE_REPOSITORY) private readonly courses: CatalogCourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { tenantId: string; id: string; userId: string | null }): Promise<void> {
    const { tenantId, id } = command;
    await withOptimisticRetry<null>(async () => {
      const recommendation = await this.recommendations.findById(tenantId, id);
      if (!recommendation) throw new RecommendationNotFoundError(id);
      if (!mayRemove(recommendation, command.userId)) throw new RecommendationRemovalForbiddenError(id);
      const removed = removeRecommendation(recommendation, this.clock.now());
      const course = await this.courses.find(tenantId, removed.courseId);
      const written = await this.recommendations.save(
        tenantId,
        { recommendation: removed, outbox: [recommendationEvent(this.events, removed, course)] },
        recommendation.version,
      );
      return written ? { outcome: 'written', value: null } : { outcome: 'stale' };
    });
  }
}
