import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { EventProducer } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { ApiClient, HOST_TENANT, startPlatform, uniqueSuffix, type RunningPlatform } from '@lms/testing';
import { PlatformDatabases } from './platform-databases';

/** What every platform phase needs from the benchmark. */
export interface PhaseContext {
  kafka: Kafka;
  mongoUri: string;
  repoRoot: string;
  /** Where the services' logs go (a folder per phase is made under it). */
  logRoot: string;
  basePort: number;
  deadlineMs: number;
  pollMs: number;
  latencyPollMs: number;
  keepData: boolean;
  /** Infrastructure folder whose pid files name the broker's and the database's processes. */
  infraDir: string | null;
  log: (line: string) => void;
  /** Makes a running platform known to the signal handler; returns its release. */
  track: (stop: () => Promise<void>) => () => void;
}

/** A platform of one phase: fresh databases, consumer groups and tenant, notifications stopped. */
export interface BenchPlatform {
  tenantId: string;
  /** Correlation id of every event and request of the phase. */
  correlationId: string;
  platform: RunningPlatform;
  databases: PlatformDatabases;
  producer: EventProducer;
  api: ApiClient;
  /** The coach every group assignment of the phase names. */
  coachId: string;
}

/**
 * Starts every service and the gateway as processes from `dist/` with databases and consumer
 * groups of their own (which start from the newest offsets, so nothing of earlier runs is
 * replayed into the phase), stops the notifications service so that e-mails take no share of
 * the machine, runs `work`, then stops the platform and drops its databases.
 */
export async function withBenchPlatform<T>(
  label: string,
  context: PhaseContext,
  work: (bench: BenchPlatform) => Promise<T>,
): Promise<T> {
  const run = uniqueSuffix();
  // The host tenant: its System Administrator signs the phase's requests in.
  const tenantId = HOST_TENANT;
  const logDir = path.join(context.logRoot, `platform-bench-${label.replace(/\W+/g, '-')}-${run}`);
  context.log(`[${label}] starting the platform (logs in ${path.relative(context.repoRoot, logDir)})`);
  // The gateway's rate limits are for clients, not for a benchmark's polling.
  const platform = await startPlatform({
    basePort: context.basePort,
    logDir,
    env: {
      gateway: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '1000000',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000000',
      },
    },
  });
  const untrack = context.track(() => platform.stop());
  const producer = new EventProducer(context.kafka);
  let databases: PlatformDatabases | null = null;
  try {
    await platform.stopService('notifications');
    databases = await PlatformDatabases.connect(context.mongoUri, platform.databases);
    return await work({
      tenantId,
      correlationId: `bench-${run}`,
      platform,
      databases,
      producer,
      api: await ApiClient.signIn(platform.gatewayUrl, platform.admin, `bench-${run}`),
      coachId: newId(),
    });
  } finally {
    await producer.disconnect().catch(() => undefined);
    await platform.stop();
    untrack();
    if (databases) {
      if (!context.keepData) {
        await databases
          .dropAll()
          .catch((error: unknown) =>
            context.log(`[${label}] could not drop the databases: ${message(error)}`),
          );
      }
      await databases.close().catch(() => undefined);
    }
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
