import { IsIn } from 'class-validator';
import { COURSE_ROLES, type CourseRole } from '../domain/course-roles';

/**
 * `PUT /v1/courses/{id}/roles/{userId}` (LE-C2): the role granted. `author` is refused
 * (`COURSE_ROLE.AUTHOR_NOT_GRANTABLE`): the authorship is handed on instead.
 */
export class GrantCourseRoleRequestDto {
  /** `co_author`, `reviewer`, `instructor` or `tutor`; `author` is refused: hand the authorship on. */
  @IsIn(COURSE_ROLES)
  role!: CourseRole;
}
