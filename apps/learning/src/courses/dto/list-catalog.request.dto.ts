import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';
import { COURSE_KINDS, type CourseKind } from '../domain/course';

/** `GET /v1/catalog` (LE-C1): a page of the caller's catalog in creation order. */
export class ListCatalogQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(COURSE_KINDS)
  kind?: CourseKind;
}
