import { IsUUID } from 'class-validator';

/** The `:id` of an evaluation's or a coaching session's route. */
export class RecordIdParamsDto {
  @IsUUID()
  id!: string;
}
