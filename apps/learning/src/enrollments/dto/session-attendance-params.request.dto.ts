import { IsUUID } from 'class-validator';

/** The `:id` (the course) and `:sessionId` of a session's attendance list. */
export class SessionAttendanceParamsDto {
  @IsUUID()
  id!: string;

  @IsUUID()
  sessionId!: string;
}
