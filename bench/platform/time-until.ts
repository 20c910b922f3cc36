import type { Kafka } from 'kafkajs';
import path from 'node:path';
import type { PhaseContext } from './bench-platform';
import { sleep } from './poll-until';

/** How long some work took, and its rate. */
export interface Timed {
  seconds: number;
  perSecond: number;
}

/** Polls `done` every 100 ms until it answers true; the seconds from `startedAt`, and per second for `count`. */
export async function timeUntil(
  startedAt: number,
  count: number,
  done: () => Promise<boolean>,
  deadlineMs: number,
): Promise<Timed> {
  const deadline = startedAt + deadlineMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('deadline passed');
    await sleep(100);
  }
  const seconds = (Date.now() - startedAt) / 1000;
  return { seconds, perSecond: count / seconds };
}

/**
 * The context of a benchmark that runs one platform phase on infrastructure given by the
 * environment (`npm run bench:<name>`): logs under `.infra/logs`, the platform from `basePort`.
 */
export function singlePhaseContext(options: {
  kafka: Kafka;
  mongoUri: string;
  repoRoot: string;
  basePort: number;
  deadlineMs: number;
  log: (line: string) => void;
}): PhaseContext {
  return {
    ...options,
    logRoot: path.join(options.repoRoot, '.infra', 'logs'),
    pollMs: 100,
    latencyPollMs: 20,
    keepData: false,
    infraDir: process.env.INFRA_DIR ?? null,
    track: () => () => undefined,
  };
}
