import { IsUUID } from 'class-validator';

/** The `:id` and `:sessionId` of a course session's route. */
export class SessionParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  sessionId!: string;
}
