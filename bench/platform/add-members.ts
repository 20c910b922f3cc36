import { uuidV7 } from '@lms/observability';
import { COLLECTIONS } from './platform-databases';
import { pollUntil, withDeadline, type Measurement } from './poll-until';
import type { BenchPlatform, PhaseContext } from './bench-platform';
import { membershipsAdded, produceInBatches } from './membership-events';

export interface MembersAdded {
  userIds: string[];
  /** How long producing the events took, from the first produce request. */
  produceMs: number;
  /** From the first produce request until coaching's projection held every member. */
  projection: Measurement;
  /** The projection also held documents of other tenants, so it was counted exactly. */
  foreignDocuments: boolean;
}

/**
 * Puts a `membership.added` for `count` new members, dealt over `groupIds`, on identity's topic
 * and waits until coaching's membership projection holds them all (or the phase's deadline).
 * The events are built and validated before the clock starts. The phase's database is fresh,
 * so the projection's size is the count looked at (see `PlatformDatabases.runCount`).
 */
export async function addMembers(
  bench: BenchPlatform,
  context: PhaseContext,
  groupIds: readonly string[],
  count: number,
  onProgress?: (line: string) => void,
): Promise<MembersAdded> {
  const userIds = Array.from({ length: count }, () => uuidV7());
  const events = membershipsAdded(bench.tenantId, groupIds, userIds, bench.correlationId);
  let foreignDocuments = false;
  const probe = bench.databases.runCount(
    'coaching',
    COLLECTIONS.membershipProjections,
    { tenantId: bench.tenantId },
    count,
    () => (foreignDocuments = true),
  );
  const startedAt = Date.now();
  const deadline = startedAt + context.deadlineMs;
  await withDeadline(
    'producing the membership events',
    context.deadlineMs,
    produceInBatches(bench.producer, events),
  );
  const produceMs = Date.now() - startedAt;
  onProgress?.(`produced ${count} membership.added in ${(produceMs / 1_000).toFixed(1)} s`);
  let lastReport = Date.now();
  const projection = await pollUntil(probe, count, {
    startedAt,
    deadline,
    intervalMs: context.pollMs,
    onValue: (value) => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      onProgress?.(`${((Date.now() - startedAt) / 1_000).toFixed(0)} s: projection holds ${value}/${count}`);
    },
  });
  return { userIds, produceMs, projection, foreignDocuments };
}
