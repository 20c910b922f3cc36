/** Settings of the coaching service, read and checked once at start-up. */
export interface CoachingConfig {
  /** Members handled per fan-out chunk: one bulk write and one progress save each. */
  fanOutChunkSize: number;
  /** The job runner that runs fan-outs (rule 6). */
  jobs: {
    /** How soon another instance takes over the job of a crashed one. */
    leaseMs: number;
    /** How often an idle instance looks for due jobs. */
    pollIntervalMs: number;
  };
}

export const COACHING_CONFIG = Symbol('COACHING_CONFIG');

export const DEFAULT_FAN_OUT_CHUNK_SIZE = 500;

export function coachingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CoachingConfig {
  return {
    fanOutChunkSize: integer(env, 'FAN_OUT_CHUNK_SIZE', DEFAULT_FAN_OUT_CHUNK_SIZE, 1, 5_000),
    jobs: {
      leaseMs: integer(env, 'JOB_LEASE_MS', 15_000, 500, 600_000),
      pollIntervalMs: integer(env, 'JOB_POLL_INTERVAL_MS', 1_000, 10, 60_000),
    },
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}
