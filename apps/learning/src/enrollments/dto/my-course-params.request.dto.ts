import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_MATERIAL_ITEMS } from '../../courses/domain/course';

/** The `:courseId` of one of the caller's courses. */
export class MyCourseParamsDto {
  @IsUUID()
  courseId!: string;
}

/** The `:courseId` and the material item `:index` (from 0, in the course's order). */
export class MyCourseMaterialParamsDto extends MyCourseParamsDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_MATERIAL_ITEMS - 1)
  index!: number;
}
