import { IsUUID } from 'class-validator';

/** The `:id` of a resource route. */
export class IdParamRequestDto {
  @IsUUID()
  id!: string;
}
