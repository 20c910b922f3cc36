import os from 'node:os';
import { newId } from '@lms/kernel';
import { AssignmentEventCounter } from './assignment-event-counter';
import { COLLECTIONS } from './platform-databases';
import { pollUntil } from './poll-until';
import { cpuBetween, snapshotCpu } from './process-cpu';
import { addMembers } from './add-members';
import { bothDone, type GroupAssignmentRun } from './bench-results';
import { message, withBenchPlatform, type BenchPlatform, type PhaseContext } from './bench-platform';
import { createGroupAssignment } from './group-assignment-api';
import { seconds, unfinished } from './phase-outcome';

/**
 * (b) A group assignment of `members` learners: the membership projection is seeded through
 * `membership.added` events first (not timed), then the group assignment is POSTed through the
 * gateway and timed until every derived assignment is stored in coaching's database AND every
 * `assignment.created` has arrived from Kafka at a consumer of the benchmark's own.
 */
export async function measureGroupAssignmentThroughput(
  members: number,
  context: PhaseContext,
): Promise<GroupAssignmentRun> {
  const label = `b n=${members}`;
  const say = (line: string): void => context.log(`[${label}] ${line}`);
  const result: GroupAssignmentRun = {
    members,
    seed: null,
    postMs: null,
    stored: null,
    events: null,
    duplicateEvents: 0,
    cpu: null,
    error: null,
  };
  try {
    await withBenchPlatform(label, context, (bench) => measure(bench, members, context, result, say));
  } catch (error) {
    result.error = message(error);
    say(`failed: ${result.error}`);
  }
  return result;
}

async function measure(
  bench: BenchPlatform,
  members: number,
  context: PhaseContext,
  result: GroupAssignmentRun,
  say: (line: string) => void,
): Promise<void> {
  const groupId = newId();
  say(`seeding the membership projection with ${members} members (not timed)`);
  const seed = await addMembers(bench, context, [groupId], members, say);
  result.seed = seed.projection;
  if (seed.projection.ms === null)
    throw new Error(`seeding ${unfinished(context.deadlineMs, seed.projection)}`);
  say(`seeded in ${seconds(seed.projection.ms)}`);

  const counter = new AssignmentEventCounter(context.kafka, bench.tenantId, `bench-${bench.tenantId}-events`);
  try {
    await counter.start(60_000);
    const cpuBefore = snapshotCpu(context.infraDir);
    const loadAverage = os.loadavg()[0];
    const postedAt = Date.now();
    const groupAssignmentId = await createGroupAssignment(bench.api, groupId, bench.coachId);
    result.postMs = Date.now() - postedAt;
    const deadline = postedAt + context.deadlineMs;
    const progress = setInterval(
      () => say(`${seconds(Date.now() - postedAt)}: events ${counter.seen(groupAssignmentId)}/${members}`),
      10_000,
    );
    progress.unref();
    try {
      const [stored, lastEventAt] = await Promise.all([
        pollUntil(
          bench.databases.runCount(
            'coaching',
            COLLECTIONS.assignments,
            { tenantId: bench.tenantId, groupAssignmentId },
            members,
          ),
          members,
          { startedAt: postedAt, deadline, intervalMs: context.pollMs },
        ),
        counter.waitFor(groupAssignmentId, members, deadline),
      ]);
      result.stored = stored;
      result.events = {
        ms: lastEventAt === null ? null : lastEventAt - postedAt,
        target: members,
        reached: counter.seen(groupAssignmentId),
      };
    } finally {
      clearInterval(progress);
    }
    const both = bothDone(result.stored, result.events);
    result.cpu = {
      loadAverage,
      overMs: both?.ms ?? Date.now() - postedAt,
      seconds: cpuBetween(cpuBefore, snapshotCpu(context.infraDir)),
    };
    result.duplicateEvents = counter.duplicates(groupAssignmentId);
    say(
      `assignments stored ${describe(result.stored, context.deadlineMs)}, ` +
        `events on Kafka ${describe(result.events, context.deadlineMs)}`,
    );
  } finally {
    await counter.stop();
  }
}

function describe(measurement: GroupAssignmentRun['stored'], deadlineMs: number): string {
  if (!measurement) return '-';
  return measurement.ms === null ? unfinished(deadlineMs, measurement) : `after ${seconds(measurement.ms)}`;
}
