import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RecommendationsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { LearnerRecommendationChange } from './domain/learner-recommendation';
import { ApplyRecommendationEventsUseCase } from './use-cases/apply-recommendation-events.use-case';

type RecommendationEvents = typeof RecommendationsStream.events;
type RecommendationEvent =
  | EnvelopeOf<RecommendationEvents, 'recommendation.created'>
  | EnvelopeOf<RecommendationEvents, 'recommendation.removed'>;

/** Kafka adapter: coaching's recommendation events, in batches (rule 8), keep learning's projection. */
@Controller()
export class RecommendationEventsConsumer {
  constructor(private readonly applyRecommendationEvents: ApplyRecommendationEventsUseCase) {}

  @OnEventBatch(RecommendationsStream, ['recommendation.created', 'recommendation.removed'])
  async onRecommendationEvents(@Payload() events: RecommendationEvent[]): Promise<void> {
    await this.applyRecommendationEvents.execute(events.map(toChange));
  }
}

/** Every recommendation event carries the full state; a removal leaves it a tombstone. */
function toChange(event: RecommendationEvent): LearnerRecommendationChange {
  const { recommendationId, menteeId, coachId, courseId, courseTitle, note, createdAt } = event.payload;
  return {
    tenantId: event.tenantId,
    recommendationId,
    userId: menteeId,
    coachId,
    courseId,
    courseTitle: courseTitle ?? null,
    note: note ?? null,
    recommendedAt: new Date(createdAt),
    live: event.type === 'recommendation.created',
    version: event.aggregateVersion,
    updatedAt: new Date(event.occurredAt),
  };
}
