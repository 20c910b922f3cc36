/**
 * A course a coach recommended to a learner (CO-W4), as learning knows it: a projection of
 * coaching's recommendations stream, kept so that the learner sees the courses recommended to it
 * beside its own enrollments, without asking coaching.
 */
export interface LearnerRecommendation {
  tenantId: string;
  recommendationId: string;
  /** The learner (coaching's mentee) the course is recommended to. */
  userId: string;
  coachId: string;
  courseId: string;
  /** The course's title as coaching knew it; null when it did not. */
  courseTitle: string | null;
  /** Why the coach recommends it; null: no note. */
  note: string | null;
  /** When the coach recommended it (again, after a removal). */
  recommendedAt: Date;
  /** False once the coach took it back: the row stays as a tombstone at its version. */
  live: boolean;
  /** The recommendation's `aggregateVersion` last applied: an event not newer changes nothing. */
  version: number;
  /** When coaching made the change last applied. */
  updatedAt: Date;
}

/** One recommendation event, as the projection applies it: every event carries the full state. */
export type LearnerRecommendationChange = LearnerRecommendation;

/** The natural key of a recommendation in its tenant: also its document id in the projection. */
export function learnerRecommendationKey(tenantId: string, recommendationId: string): string {
  return `${tenantId}:${recommendationId}`;
}
