import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { JobsEnv } from '@lms/service-kit';

export const DEFAULT_FAN_OUT_CHUNK_SIZE = 500;

/** The coaching service's environment, checked at start-up. */
export class CoachingEnv extends JobsEnv {
  override PORT = 3102;

  /** Members handled per fan-out chunk: one bulk write and one progress save each. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  FAN_OUT_CHUNK_SIZE = DEFAULT_FAN_OUT_CHUNK_SIZE;

  /**
   * How often each instance moves assignments along the calendar (a scheduled one starts, one
   * past its end date expires: CO-A1, CO-A8), in milliseconds; 0: never.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  ASSIGNMENT_CALENDAR_INTERVAL_MS = 60_000;

  /** Assignments read, and moved, per batch of a calendar sweep. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  ASSIGNMENT_CALENDAR_BATCH = 200;

  /**
   * How many days before its end date an assignment's coming end is announced
   * (`assignment.expiring`, mailed to the people involved); 0 announces nothing.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(90)
  ASSIGNMENT_EXPIRY_NOTICE_DAYS = 7;
}
