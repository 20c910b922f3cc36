import { IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * Full state of a coach's recommendation of a catalog course to one of its mentees (CO-W4),
 * event-carried, so that a projection needs nothing else. The aggregate is the recommendation
 * (`aggregateId` = `recommendationId`); its `aggregateVersion` grows with each change, a
 * recommendation removed and made again included.
 */
export class RecommendationStateV1 {
  @IsUUID() recommendationId!: string;
  /** The learner the course is recommended to. */
  @IsUUID() menteeId!: string;
  /** Who recommended it. */
  @IsUUID() coachId!: string;
  @IsString() @Length(1, 100) courseId!: string;
  /** The course's title as coaching's copy of the catalog knew it; absent when it did not. */
  @IsOptional() @IsString() @Length(1, 200) courseTitle?: string;
  /** Why the coach recommends it; null: no note. */
  @IsOptional() @IsString() @MaxLength(1000) note!: string | null;
  /** ISO 8601 instant the course was recommended (again, after a removal). */
  @IsISO8601() createdAt!: string;
}

/** A coach recommended the course to its mentee, or recommended it again after removing it. */
export class RecommendationCreatedV1 extends RecommendationStateV1 {}

/** The coach took the recommendation back; the payload is its last state. */
export class RecommendationRemovedV1 extends RecommendationStateV1 {
  /** ISO 8601 instant of the removal. */
  @IsISO8601() removedAt!: string;
}

export const RecommendationsStream = defineStream({
  topic: 'coaching.recommendations.v1',
  partitions: 6,
  compacted: true,
  owner: 'coaching',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'recommendation.created': RecommendationCreatedV1,
    'recommendation.removed': RecommendationRemovedV1,
  },
});
