import { IsUUID } from 'class-validator';

/** The `:id` of a group assignment's or an assignment's route. */
export class IdParamsDto {
  @IsUUID()
  id!: string;
}
