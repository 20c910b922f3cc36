import { IsIn, IsUUID } from 'class-validator';
import { COURSE_ROLES, type CourseRole } from '../domain/course-roles';

/** The `:id` and `:userId` of a course role holder's route. */
export class CourseRoleHolderParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  userId!: string;
}

/** The `:id`, `:userId` and `:role` of one role of a user in a course. */
export class CourseRoleParamsDto extends CourseRoleHolderParamsDto {
  @IsIn(COURSE_ROLES)
  role!: CourseRole;
}
