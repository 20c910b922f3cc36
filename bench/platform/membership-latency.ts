import { newId } from '@lms/kernel';
import { COLLECTIONS } from './platform-databases';
import { pollUntil } from './poll-until';
import { addMembers } from './add-members';
import type { LatencyRun } from './bench-results';
import { message, withBenchPlatform, type BenchPlatform, type PhaseContext } from './bench-platform';
import { createGroupAssignment, waitForFanOutDone } from './group-assignment-api';
import { membershipAdded } from './membership-events';
import { seconds, unfinished } from './phase-outcome';

/** Members of the group when its group assignment is made (its fan-out is done before sampling). */
const GROUP_MEMBERS = 10;

/**
 * (c) One membership added → its derived assignment stored: a group with a current group
 * assignment whose fan-out is done, and the platform otherwise idle; then `samples` new members
 * one at a time: produce one `membership.added`, wait until the assignment it derives is in
 * coaching's `assignments` collection, then the next.
 */
export async function measureMembershipLatency(samples: number, context: PhaseContext): Promise<LatencyRun> {
  const label = `c n=${samples}`;
  const say = (line: string): void => context.log(`[${label}] ${line}`);
  const result: LatencyRun = {
    samples,
    groupMembers: GROUP_MEMBERS,
    latenciesMs: [],
    incomplete: null,
    error: null,
  };
  try {
    await withBenchPlatform(label, context, (bench) => measure(bench, samples, context, result, say));
  } catch (error) {
    result.error = message(error);
    say(`failed: ${result.error}`);
  }
  return result;
}

async function measure(
  bench: BenchPlatform,
  samples: number,
  context: PhaseContext,
  result: LatencyRun,
  say: (line: string) => void,
): Promise<void> {
  const groupId = await groupWithCurrentAssignment(bench, context, say);
  // The phase's database holds this group assignment's assignments only, one per member: the
  // collection's size (kept by the engine, no scan) is the number of members served so far.
  const assignments = bench.databases.collection('coaching', COLLECTIONS.assignments);
  const startedAt = Date.now();
  const deadline = startedAt + context.deadlineMs;
  let lastReport = startedAt;
  for (let i = 0; i < samples; i++) {
    const event = membershipAdded(bench.tenantId, groupId, newId(), bench.correlationId);
    const producedAt = Date.now();
    await bench.producer.send([event]);
    const stored = await pollUntil(() => assignments.estimatedDocumentCount(), GROUP_MEMBERS + i + 1, {
      startedAt: producedAt,
      deadline,
      intervalMs: context.latencyPollMs,
    });
    if (stored.ms === null) {
      result.incomplete = unfinished(context.deadlineMs, { reached: i, target: samples });
      say(result.incomplete);
      break;
    }
    result.latenciesMs.push(stored.ms);
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      say(`${i + 1}/${samples} members, last ${stored.ms} ms`);
    }
  }
  const exact = await assignments.countDocuments({ tenantId: bench.tenantId });
  const expected = GROUP_MEMBERS + result.latenciesMs.length;
  if (exact < expected) throw new Error(`${exact} assignments of the tenant stored, expected ${expected}`);
  say(`${result.latenciesMs.length} samples in ${seconds(Date.now() - startedAt)}`);
}

/** Seeds a group (not timed), assigns it and waits until its fan-out is done and stored. */
async function groupWithCurrentAssignment(
  bench: BenchPlatform,
  context: PhaseContext,
  say: (line: string) => void,
): Promise<string> {
  const groupId = newId();
  const seed = await addMembers(bench, context, [groupId], GROUP_MEMBERS);
  if (seed.projection.ms === null)
    throw new Error(`seeding ${unfinished(context.deadlineMs, seed.projection)}`);
  const postedAt = Date.now();
  const groupAssignmentId = await createGroupAssignment(bench.api, groupId, bench.coachId);
  const options = {
    startedAt: postedAt,
    deadline: postedAt + context.deadlineMs,
    intervalMs: context.pollMs,
  };
  const [done, stored] = await Promise.all([
    waitForFanOutDone(bench.api, groupAssignmentId, options),
    pollUntil(
      bench.databases.runCount(
        'coaching',
        COLLECTIONS.assignments,
        { tenantId: bench.tenantId, groupAssignmentId },
        GROUP_MEMBERS,
      ),
      GROUP_MEMBERS,
      options,
    ),
  ]);
  if (done.ms === null) throw new Error(`the group assignment's fan-out was not done within the deadline`);
  if (stored.ms === null)
    throw new Error(`the fan-out's assignments ${unfinished(context.deadlineMs, stored)}`);
  say(`group of ${GROUP_MEMBERS} assigned, fan-out done; adding members one at a time`);
  return groupId;
}
