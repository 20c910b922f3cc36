import { IsUUID } from 'class-validator';

/** The `:id` of a recommendation's route. */
export class RecommendationIdParamsDto {
  @IsUUID()
  id!: string;
}
