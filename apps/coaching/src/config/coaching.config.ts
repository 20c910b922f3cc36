import { jobRunnerSettings, type JobRunnerSettings } from '@lms/service-kit';
import type { CoachingEnv } from './coaching.env';

/** Settings of the coaching service, grouped for the code that uses them. */
export interface CoachingConfig {
  /** Members handled per fan-out chunk: one bulk write and one progress save each. */
  fanOutChunkSize: number;
  /** The calendar sweep (CO-A1, CO-A8); an interval of 0: no sweep. */
  assignmentCalendar: { intervalMs: number; batchSize: number; noticeDays: number };
  /** The job runner that runs fan-outs (rule 6). */
  jobs: JobRunnerSettings;
}

export const COACHING_CONFIG = Symbol('COACHING_CONFIG');

export function coachingConfigFrom(env: CoachingEnv): CoachingConfig {
  return {
    fanOutChunkSize: env.FAN_OUT_CHUNK_SIZE,
    assignmentCalendar: {
      intervalMs: env.ASSIGNMENT_CALENDAR_INTERVAL_MS,
      batchSize: env.ASSIGNMENT_CALENDAR_BATCH,
      noticeDays: env.ASSIGNMENT_EXPIRY_NOTICE_DAYS,
    },
    jobs: jobRunnerSettings(env),
  };
}
