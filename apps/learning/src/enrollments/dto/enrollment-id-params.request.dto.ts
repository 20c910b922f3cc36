import { IsUUID } from 'class-validator';

/** The `:id` of an enrollment's route. */
export class EnrollmentIdParamsDto {
  @IsUUID()
  id!: string;
}
