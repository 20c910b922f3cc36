/** Settings of the coaching service, read and checked once at start-up. */
export interface CoachingConfig {
  /** Members handled per fan-out chunk: one bulk write and one progress save each. */
  fanOutChunkSize: number;
}

export const COACHING_CONFIG = Symbol('COACHING_CONFIG');

export const DEFAULT_FAN_OUT_CHUNK_SIZE = 500;

export function coachingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CoachingConfig {
  const raw = env.FAN_OUT_CHUNK_SIZE?.trim();
  const fanOutChunkSize = raw ? Number(raw) : DEFAULT_FAN_OUT_CHUNK_SIZE;
  if (!Number.isInteger(fanOutChunkSize) || fanOutChunkSize < 1 || fanOutChunkSize > 5_000) {
    throw new Error(`FAN_OUT_CHUNK_SIZE must be an integer between 1 and 5000, got "${raw}"`);
  }
  return { fanOutChunkSize };
}
