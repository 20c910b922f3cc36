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
}
