import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { JobsEnv } from '@lms/service-kit';

/** The learning service's environment, checked at start-up. */
export class LearningEnv extends JobsEnv {
  override PORT = 3103;

  /** Members of a group read, and enrolled, per chunk of a group enrollment (LE-G1): one progress save each. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  GROUP_ENROLLMENT_CHUNK_SIZE = 500;
}
