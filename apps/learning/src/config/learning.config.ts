import { jobRunnerSettings, type JobRunnerSettings } from '@lms/service-kit';
import type { LearningEnv } from './learning.env';

/** Settings of the learning service, grouped for the code that uses them. */
export interface LearningConfig {
  /** Members of a group read, and enrolled, per chunk of a group enrollment (LE-G1). */
  groupEnrollmentChunkSize: number;
  /** The job runner that runs group enrollments (rule 6). */
  jobs: JobRunnerSettings;
}

export const LEARNING_CONFIG = Symbol('LEARNING_CONFIG');

export function learningConfigFrom(env: LearningEnv): LearningConfig {
  return { groupEnrollmentChunkSize: env.GROUP_ENROLLMENT_CHUNK_SIZE, jobs: jobRunnerSettings(env) };
}
