import os from 'node:os';
import { newId } from '@lms/kernel';
import { cpuBetween, snapshotCpu } from './process-cpu';
import { addMembers } from './add-members';
import type { ProjectionRun } from './bench-results';
import { message, withBenchPlatform, type PhaseContext } from './bench-platform';
import { seconds, unfinished } from './phase-outcome';

/**
 * (a) `members` membership events → coaching's membership projection: one `membership.added`
 * per new member, dealt over `groups` groups, produced to Kafka as identity would while coaching
 * is stopped; timed from coaching's first applied event after its start until the projection
 * holds every member (the rate at which it drains a backlog, as after a bulk import).
 */
export async function measureProjectionThroughput(
  members: number,
  groups: number,
  context: PhaseContext,
): Promise<ProjectionRun> {
  const label = `a n=${members}`;
  const say = (line: string): void => context.log(`[${label}] ${line}`);
  const result: ProjectionRun = {
    members,
    groups,
    produceMs: null,
    projection: null,
    cpu: null,
    foreignDocuments: false,
    error: null,
  };
  try {
    await withBenchPlatform(label, context, async (bench) => {
      const groupIds = Array.from({ length: groups }, () => newId());
      const cpuBefore = snapshotCpu(context.infraDir);
      const loadAverage = os.loadavg()[0];
      const added = await addMembers(bench, context, groupIds, members, say, true);
      result.cpu = {
        loadAverage,
        overMs: added.projection.ms ?? context.deadlineMs,
        seconds: cpuBetween(cpuBefore, snapshotCpu(context.infraDir)),
      };
      result.produceMs = added.produceMs;
      result.projection = added.projection;
      result.foreignDocuments = added.foreignDocuments;
      say(
        added.projection.ms === null
          ? unfinished(context.deadlineMs, added.projection)
          : `projection holds ${members} members ${seconds(added.projection.ms)} after the first was applied`,
      );
    });
  } catch (error) {
    result.error = message(error);
    say(`failed: ${result.error}`);
  }
  return result;
}
