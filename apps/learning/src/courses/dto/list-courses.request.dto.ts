import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';
import { COURSE_KINDS, COURSE_STATES, type CourseKind, type CourseState } from '../domain/course';

/** `GET /v1/courses` (LE-C1): a page in creation order; each filter narrows. */
export class ListCoursesQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(COURSE_STATES)
  state?: CourseState;

  @IsOptional()
  @IsIn(COURSE_KINDS)
  kind?: CourseKind;
}
