import { IsUUID } from 'class-validator';

/** The `:id` of a course's route. */
export class CourseIdParamsDto {
  @IsUUID()
  id!: string;
}
