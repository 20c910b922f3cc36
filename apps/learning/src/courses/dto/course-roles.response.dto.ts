import type { Course } from '../domain/course';
import { editorsOf } from '../domain/course-access';
import type { CourseRoleHolder, GrantableCourseRole } from '../domain/course-roles';

/** One user holding one role in a course. */
export class CourseRoleHolderResponseDto {
  userId!: string;
  /** `co_author`, `reviewer`, `instructor` or `tutor`. */
  role!: GrantableCourseRole;

  static from(holder: CourseRoleHolder): CourseRoleHolderResponseDto {
    return { userId: holder.userId, role: holder.role };
  }
}

/** Who holds which role in a course (LE-C2), whole (at most 200 entries). */
export class CourseRolesResponseDto {
  courseId!: string;
  /** The author; null once its account is deleted, or for a course created without an account. */
  authorId!: string | null;
  /** The other roles, in the order they were granted. */
  roles!: CourseRoleHolderResponseDto[];
  /** Those who edit the course's content beside administrators and power users: its author, co-authors and instructors. */
  editorIds!: string[];
  /** The course's version: send it back in `If-Match` to change this version only. */
  version!: number;

  static from(course: Course): CourseRolesResponseDto {
    return {
      courseId: course.id,
      authorId: course.authorId,
      roles: course.roles.map(CourseRoleHolderResponseDto.from),
      editorIds: editorsOf(course),
      version: course.version,
    };
  }
}
