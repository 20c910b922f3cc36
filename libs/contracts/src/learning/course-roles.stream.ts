import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/**
 * The roles a user holds in one course (LE-C2, seeds 003 and 004), beside being its learner:
 * `author` (its creator, transferable), `co_author` (only a user holding the author role in a
 * group), `reviewer` (only on a published course), `instructor` (edits content, sees
 * enrollments, cannot enroll), `tutor` (a student who moderates the forum).
 */
export const COURSE_ROLES = ['author', 'co_author', 'reviewer', 'instructor', 'tutor'] as const;
export type CourseRole = (typeof COURSE_ROLES)[number];

/**
 * A user's role in a course changed. The aggregate is the course (`aggregateId` = its id); the
 * course's title comes along, for mails. Changes, not states: the topic is not compacted.
 */
export class CourseRoleChangeV1 {
  @IsString() @Length(1, 100) courseId!: string;
  @IsString() @Length(1, 200) courseTitle!: string;
  @IsUUID() userId!: string;
  @IsIn(COURSE_ROLES) role!: CourseRole;
  /** ISO 8601 instant of the change. */
  @IsISO8601() changedAt!: string;
}

/** The user now holds the role in the course (a reviewer is mailed: NO-1). */
export class CourseRoleGrantedV1 extends CourseRoleChangeV1 {}
/** The user no longer holds the role in the course. */
export class CourseRoleRevokedV1 extends CourseRoleChangeV1 {}

export const CourseRolesStream = defineStream({
  topic: 'learning.course-roles.v1',
  partitions: 6,
  owner: 'learning',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'course-role.granted': CourseRoleGrantedV1,
    'course-role.revoked': CourseRoleRevokedV1,
  },
});
