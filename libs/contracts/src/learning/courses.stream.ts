import { IsIn, IsISO8601, IsString, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/** E-learning, or instructor-led with sessions (LE-C1). */
export const COURSE_KINDS = ['elearning', 'ilt'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** Only published courses are in the catalog (LE-C1). */
export const COURSE_STATES = ['draft', 'published', 'archived'] as const;
export type CourseState = (typeof COURSE_STATES)[number];

/**
 * Full state of a course of the catalog (event-carried state transfer): a projection needs
 * nothing else. The aggregate is the course (`aggregateId` = the course's id).
 */
export class CourseStateV1 {
  @IsString() @Length(1, 100) courseId!: string;
  @IsString() @Length(1, 200) title!: string;
  @IsIn(COURSE_KINDS) kind!: CourseKind;
  @IsIn(COURSE_STATES) state!: CourseState;
  /** ISO 8601 instant of the change the event carries. */
  @IsISO8601() updatedAt!: string;
}

/** The course entered the catalog (LE-C1). */
export class CoursePublishedV1 extends CourseStateV1 {}
/** Any change of a course: its title, kind or state; the payload is the new state. */
export class CourseUpdatedV1 extends CourseStateV1 {}
/** The course left the catalog for good; it is kept as history. */
export class CourseArchivedV1 extends CourseStateV1 {}

export const CoursesStream = defineStream({
  topic: 'learning.courses.v1',
  partitions: 6,
  compacted: true,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'course.published': CoursePublishedV1,
    'course.updated': CourseUpdatedV1,
    'course.archived': CourseArchivedV1,
  },
});
