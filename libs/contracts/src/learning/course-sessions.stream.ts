import { IsISO8601, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * Full state of a session of an instructor-led course (LE-C1, event-carried state transfer):
 * a projection needs nothing else. The aggregate is the session (`aggregateId` = the
 * session's id); the course's title comes along, for mails.
 */
export class CourseSessionStateV1 {
  @IsString() @Length(1, 100) sessionId!: string;
  @IsString() @Length(1, 100) courseId!: string;
  /** The course's title when the event was written. */
  @IsString() @Length(1, 200) courseTitle!: string;
  /** ISO 8601 instant the session starts. */
  @IsISO8601() startsAt!: string;
  /** ISO 8601 instant the session ends. */
  @IsISO8601() endsAt!: string;
  /** Where it is held in person; null: online only. */
  @IsOptional() @IsString() @Length(1, 300) place!: string | null;
  /** Where it is held online (http or https); null: in person only. */
  @IsOptional() @Matches(/^https?:\/\/\S+$/) @Length(1, 2000) link!: string | null;
  @IsInt() @Min(1) @Max(10_000) capacity!: number;
  /** ISO 8601 instant of the change the event carries. */
  @IsISO8601() updatedAt!: string;
}

/** A session was scheduled. */
export class CourseSessionScheduledV1 extends CourseSessionStateV1 {}

/**
 * The session moved: its time, its place or its link changed; the payload is its new state
 * and what it was before.
 */
export class CourseSessionRescheduledV1 extends CourseSessionStateV1 {
  @IsISO8601() previousStartsAt!: string;
  @IsISO8601() previousEndsAt!: string;
  @IsOptional() @IsString() @Length(1, 300) previousPlace!: string | null;
  @IsOptional() @Matches(/^https?:\/\/\S+$/) @Length(1, 2000) previousLink!: string | null;
}

/** A change that does not move the session (its capacity); the payload is its new state. */
export class CourseSessionUpdatedV1 extends CourseSessionStateV1 {}

/** The session was cancelled for good; the payload is its last state. */
export class CourseSessionCancelledV1 extends CourseSessionStateV1 {}

export const CourseSessionsStream = defineStream({
  topic: 'learning.course-sessions.v1',
  partitions: 6,
  compacted: true,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'course-session.scheduled': CourseSessionScheduledV1,
    'course-session.rescheduled': CourseSessionRescheduledV1,
    'course-session.updated': CourseSessionUpdatedV1,
    'course-session.cancelled': CourseSessionCancelledV1,
  },
});
