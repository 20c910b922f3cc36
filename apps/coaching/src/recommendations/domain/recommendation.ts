import { nameBasedId } from '@lms/kernel';

/** Courses one request recommends at most: a bound on the request size. */
export const MAX_RECOMMENDED_COURSES = 50;

/** The longest note, in characters once trimmed. */
export const MAX_NOTE_LENGTH = 1000;

/** A course of learning's catalog a coach recommends to one of its mentees (CO-W4). */
export interface Recommendation {
  /** Named after its coach, mentee and course (see recommendationIdOf). */
  id: string;
  tenantId: string;
  coachId: string;
  menteeId: string;
  courseId: string;
  /** Why the coach recommends it, trimmed; null: no note. */
  note: string | null;
  /** When it was recommended, or recommended again after a removal. */
  createdAt: Date;
  /**
   * Set once the coach takes it back: the recommendation stays as a tombstone, so that its
   * version keeps growing when the course is recommended again (its events stay in order).
   */
  removedAt: Date | null;
  /** Grows with each change; the `aggregateVersion` of its events. */
  version: number;
}

/** What a list of recommendations keeps; every field narrows. */
export interface RecommendationFilter {
  menteeId?: string;
  coachId?: string;
}

/** Namespace of recommendation ids (a fixed, random UUID). */
const RECOMMENDATION_ID_NAMESPACE = '6c0b5a3e-2f4d-4e8a-9b1c-7d2e3f4a5b6c';

/**
 * The id of the recommendation of `courseId` by `coachId` to `menteeId`: a name-based UUID, so
 * that the same course recommended again by the same coach to the same mentee names the same
 * recommendation and is stored once.
 */
export function recommendationIdOf(
  key: Pick<Recommendation, 'tenantId' | 'coachId' | 'menteeId' | 'courseId'>,
): string {
  return nameBasedId(
    RECOMMENDATION_ID_NAMESPACE,
    [key.tenantId, key.coachId, key.menteeId, key.courseId].join('\u0000'),
  );
}

/** A note as it is kept: trimmed; null when nothing is left. */
export function recommendationNoteOf(raw: string | null | undefined): string | null {
  const note = raw?.trim() ?? '';
  return note.length === 0 ? null : note;
}

/**
 * The recommendations of `courseIds` (each once, in the order asked) by a coach to a mentee,
 * made at `now`.
 */
export function newRecommendations(
  request: {
    tenantId: string;
    coachId: string;
    menteeId: string;
    courseIds: readonly string[];
    note: string | null;
  },
  now: Date,
): Recommendation[] {
  const { tenantId, coachId, menteeId, note } = request;
  return [...new Set(request.courseIds)].map((courseId) => ({
    id: recommendationIdOf({ tenantId, coachId, menteeId, courseId }),
    tenantId,
    coachId,
    menteeId,
    courseId,
    note,
    createdAt: now,
    removedAt: null,
    version: 1,
  }));
}

/** Whether the recommendation stands (it was not taken back). */
export function isLive(recommendation: Pick<Recommendation, 'removedAt'>): boolean {
  return recommendation.removedAt === null;
}

/**
 * A removed recommendation made again by the same coach to the same mentee: live anew at its
 * next version, with the new request's note and instant.
 */
export function recommendAgain(removed: Recommendation, wanted: Recommendation): Recommendation {
  return {
    ...removed,
    note: wanted.note,
    createdAt: wanted.createdAt,
    removedAt: null,
    version: removed.version + 1,
  };
}

/** The recommendation taken back `now`: a tombstone at its next version. */
export function removeRecommendation(recommendation: Recommendation, now: Date): Recommendation {
  return { ...recommendation, removedAt: now, version: recommendation.version + 1 };
}
