import { IsUUID } from 'class-validator';

/** The `:id` of a plan's route. */
export class PlanIdParamsDto {
  @IsUUID()
  id!: string;
}
