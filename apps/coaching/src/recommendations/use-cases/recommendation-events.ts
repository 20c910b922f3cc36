import { RecommendationsStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { CatalogCourse } from '../../courses/domain/catalog-course';
import type { Recommendation } from '../domain/recommendation';

/**
 * The event of a recommendation's change (CO-W4), at its version, with its full state:
 * `recommendation.created` for a live one (new, or made again), `recommendation.removed` for a
 * tombstone. The course's title comes from coaching's copy of the catalog when it knows it.
 */
export function recommendationEvent(
  events: EventFactory,
  recommendation: Recommendation,
  course: Pick<CatalogCourse, 'title'> | null,
): OutboxEntry {
  const state = {
    recommendationId: recommendation.id,
    menteeId: recommendation.menteeId,
    coachId: recommendation.coachId,
    courseId: recommendation.courseId,
    ...(course ? { courseTitle: course.title } : {}),
    note: recommendation.note,
    createdAt: recommendation.createdAt.toISOString(),
  };
  const envelope = {
    tenantId: recommendation.tenantId,
    aggregateId: recommendation.id,
    aggregateVersion: recommendation.version,
  };
  if (recommendation.removedAt === null) {
    return events.create(RecommendationsStream, 'recommendation.created', {
      ...envelope,
      occurredAt: recommendation.createdAt,
      payload: state,
    });
  }
  return events.create(RecommendationsStream, 'recommendation.removed', {
    ...envelope,
    occurredAt: recommendation.removedAt,
    payload: { ...state, removedAt: recommendation.removedAt.toISOString() },
  });
}
