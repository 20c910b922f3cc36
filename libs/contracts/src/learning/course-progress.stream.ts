import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * A learner opened a course for the first time (LE-E4): identity moves the user from
 * `activated` to `active` (ID-U3). The aggregate is the learner (`aggregateId` = the user's
 * id), so that a learner's events stay in order.
 */
export class CourseFirstAccessedV1 {
  @IsUUID() userId!: string;
  @IsString() @Length(1, 100) courseId!: string;
  @IsISO8601() accessedAt!: string;
}

export const CourseProgressStream = defineStream({
  topic: 'learning.course-progress.v1',
  partitions: 6,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'course.first-accessed': CourseFirstAccessedV1,
  },
});
