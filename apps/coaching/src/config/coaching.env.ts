import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PlatformEnv } from '@lms/service-kit';

export const DEFAULT_FAN_OUT_CHUNK_SIZE = 500;

/** The coaching service's environment, checked at start-up. */
export class CoachingEnv extends PlatformEnv {
  override PORT = 3102;

  /** Members handled per fan-out chunk: one bulk write and one progress save each. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  FAN_OUT_CHUNK_SIZE = DEFAULT_FAN_OUT_CHUNK_SIZE;

  /** How soon another instance takes over the job of a crashed one. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  @Max(600_000)
  JOB_LEASE_MS = 15_000;

  /** How often an idle instance looks for due jobs. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  JOB_POLL_INTERVAL_MS = 1_000;
}
