import { GroupMembershipsStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { COLLECTIONS } from './platform-databases';
import { pollUntil, withDeadline, type Measurement } from './poll-until';
import type { BenchPlatform, PhaseContext } from './bench-platform';
import { membershipsAdded, produceInBatches } from './membership-events';

export interface MembersAdded {
  userIds: string[];
  /** How long producing the events took, from the first produce request. */
  produceMs: number;
  /**
   * From the first produce request until coaching's projection held every member; for a
   * backlog, from the first member seen in the projection after the restart, with `target`
   * the members applied from then on.
   */
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
  /**
   * Put every event on Kafka while coaching is stopped, then start it and time how fast it
   * drains the backlog: the platform's own rate, not the benchmark's producer's.
   */
  backlog = false,
): Promise<MembersAdded> {
  const userIds = Array.from({ length: count }, () => newId());
  const events = membershipsAdded(bench.tenantId, groupIds, userIds, bench.correlationId);
  let foreignDocuments = false;
  // A backlog run first has coaching apply a few more members, ten per partition on average,
  // so that its consumer group has committed an offset on every partition to resume from after
  // the restart (a group without one starts at the newest offset and would skip the backlog).
  const warmUp = backlog ? GroupMembershipsStream.partitions * 10 : 0;
  const expected = count + warmUp;
  const probe = bench.databases.runCount(
    'coaching',
    COLLECTIONS.membershipProjections,
    { tenantId: bench.tenantId },
    expected,
    () => (foreignDocuments = true),
  );
  if (backlog) {
    await produceInBatches(
      bench.producer,
      membershipsAdded(
        bench.tenantId,
        groupIds,
        Array.from({ length: warmUp }, () => newId()),
        bench.correlationId,
      ),
    );
    await pollUntil(probe, warmUp, {
      startedAt: Date.now(),
      deadline: Date.now() + context.deadlineMs,
      intervalMs: 20,
    });
    await bench.platform.stopService('coaching');
  }
  let startedAt = Date.now();
  const deadline = startedAt + context.deadlineMs;
  await withDeadline(
    'producing the membership events',
    context.deadlineMs,
    produceInBatches(bench.producer, events),
  );
  const produceMs = Date.now() - startedAt;
  onProgress?.(`produced ${count} membership.added in ${(produceMs / 1_000).toFixed(1)} s`);
  let appliedBefore = 0;
  if (backlog) {
    await bench.platform.startService('coaching');
    const first = await pollUntil(probe, warmUp + 1, { startedAt: Date.now(), deadline, intervalMs: 5 });
    startedAt = Date.now();
    appliedBefore = first.reached - warmUp;
    onProgress?.(
      `coaching started on a backlog of ${count} events; ${appliedBefore} applied at the first look`,
    );
  }
  let lastReport = Date.now();
  const polled = await pollUntil(probe, expected, {
    startedAt,
    deadline,
    intervalMs: context.pollMs,
    onValue: (value) => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      onProgress?.(`${((Date.now() - startedAt) / 1_000).toFixed(0)} s: projection holds ${value}/${count}`);
    },
  });
  const projection = backlog
    ? { ...polled, target: count - appliedBefore, reached: polled.reached - warmUp }
    : polled;
  return { userIds, produceMs, projection, foreignDocuments };
}
