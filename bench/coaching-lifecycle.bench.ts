import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsersStream, type UserStateV1 } from '@lms/contracts';
import { ACCOUNT_DEFAULTS } from '@lms/testing';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka, EventFactory, type OutboxEntry } from '@lms/messaging';
import { createLogger, runWithContext } from '@lms/observability';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { numberOption } from './platform/number-option';
import { withBenchPlatform, type BenchPlatform } from './platform/bench-platform';
import { singlePhaseContext, timeUntil, type Timed } from './platform/time-until';
import { measureEngineCeiling } from './platform/engine-ceiling';
import { membershipsAdded, produceInBatches } from './platform/membership-events';

/**
 * Coaching's bulk work at volume, in one run on this machine (CO-A3, CO-A6, CO-A11):
 *   0. the engine's ceiling: unordered bulk upserts of 500 by `_id`, nothing of the platform;
 *   1. a bulk assignment of N mentees through the gateway, from the 202 to its last result;
 *   2. a group assignment of the same N members, fanned out, then ended: from the end's answer
 *      until every derived assignment has followed it.
 * The users and memberships are put on identity's topics directly (N of each), as identity
 * publishes them, and the platform's projections take them in before the clock starts.
 * Prints the figures and writes them into the coaching section of docs/benchmarks.md.
 *
 *   npm run bench:coaching [-- --mentees 10000]
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);
const DEADLINE_MS = 15 * 60_000;

/** Waits for `done` up to the deadline: the seconds from `startedAt`, and per second for `count`. */
const timeUntilDeadline = (startedAt: number, count: number, done: () => Promise<boolean>): Promise<Timed> =>
  timeUntil(startedAt, count, done, DEADLINE_MS);

const identityEvents = new EventFactory('identity');

function userCreated(tenantId: string, userId: string, correlationId: string): OutboxEntry {
  const state: UserStateV1 = {
    userId,
    email: `bench-${userId}@bench.example.test`,
    firstName: 'Bench',
    lastName: 'User',
    locale: 'en',
    ...ACCOUNT_DEFAULTS,
    state: 'activated',
  };
  return runWithContext({ correlationId, causationId: null }, () =>
    identityEvents.create(UsersStream, 'user.created', {
      tenantId,
      aggregateId: userId,
      aggregateVersion: 1,
      payload: state,
    }),
  );
}

async function measure(bench: BenchPlatform, mentees: number, say: (line: string) => void) {
  const { api, tenantId, correlationId } = bench;
  const group = newId();
  const [coach1, coach2] = [newId(), newId()];
  const learners = Array.from({ length: mentees }, () => newId());
  await produceInBatches(
    bench.producer,
    [coach1, coach2, ...learners].map((userId) => userCreated(tenantId, userId, correlationId)),
  );
  await produceInBatches(bench.producer, membershipsAdded(tenantId, [group], learners, correlationId));
  say(
    `put ${mentees + 2} user.created and ${mentees} membership.added on Kafka; waiting for coaching's projections`,
  );
  const candidates = `/api/v1/coaching/assignments/bulk-candidates?groupId=${group}&roles=learner&coachIds=${coach1}`;
  await timeUntilDeadline(Date.now(), mentees, async () => {
    const bins = await api.get<{ unassigned: string[] }>(candidates);
    return bins.unassigned.length === mentees;
  });
  // The users projection lags the memberships at most by as much: wait until the last learner is known.
  await timeUntilDeadline(Date.now(), 1, async () => {
    const probe = await api.call('POST', '/api/v1/coaching/assignments', {
      menteeId: learners[learners.length - 1],
      coachIds: [coach2],
      startDate: '2020-01-01',
      endDate: '2020-01-02',
    });
    return probe.status === 201;
  });

  say(`1. a bulk assignment of ${mentees} mentees`);
  const started = Date.now();
  const accepted = await api.call<{ id: string }>('POST', '/api/v1/coaching/assignments/bulk', {
    groupId: group,
    roles: ['learner'],
    coachIds: [coach1],
    menteeIds: learners,
  });
  if (accepted.status !== 202) throw new Error(`the bulk assignment answered ${accepted.status}`);
  const acceptedMs = Date.now() - started;
  const bulk = await timeUntilDeadline(started, mentees, async () => {
    const progress = await api.get<{ state: string; counts: Record<string, number> }>(
      `/api/v1/coaching/assignments/bulk/${accepted.body.id}`,
    );
    if (progress.state !== 'finished') return false;
    if (progress.counts.created !== mentees) throw new Error(`created ${JSON.stringify(progress.counts)}`);
    return true;
  });
  say(
    `   accepted in ${acceptedMs} ms; all ${mentees} assigned after ${bulk.seconds.toFixed(1)} s (${Math.round(bulk.perSecond)}/s)`,
  );

  say(`2. a group assignment of the same ${mentees} members, fanned out, then ended`);
  const fanOutStarted = Date.now();
  const groupAssignment = await api.create<{ id: string }>('/api/v1/coaching/group-assignments', {
    groupId: group,
    roles: ['learner'],
    coachIds: [coach2],
  });
  const read = () =>
    api.get<{ fanOut: { status: string; processed: number }; follow: { status: string; processed: number } }>(
      `/api/v1/coaching/group-assignments/${groupAssignment.id}`,
    );
  const fanOut = await timeUntilDeadline(
    fanOutStarted,
    mentees,
    async () => (await read()).fanOut.status === 'done',
  );
  say(`   fanned out after ${fanOut.seconds.toFixed(1)} s (${Math.round(fanOut.perSecond)}/s)`);
  const endStarted = Date.now();
  const ended = await api.call('POST', `/api/v1/coaching/group-assignments/${groupAssignment.id}/end`);
  if (ended.status !== 200) throw new Error(`ending answered ${ended.status}`);
  const endAnsweredMs = Date.now() - endStarted;
  const end = await timeUntilDeadline(endStarted, mentees, async () => {
    const { follow } = await read();
    if (follow.status !== 'done') return false;
    if (follow.processed !== mentees) throw new Error(`followed ${follow.processed} of ${mentees}`);
    return true;
  });
  say(
    `   end answered in ${endAnsweredMs} ms; all ${mentees} derived ended after ${end.seconds.toFixed(1)} s (${Math.round(end.perSecond)}/s)`,
  );
  return { acceptedMs, bulk, fanOut, endAnsweredMs, end };
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(line);
  const mentees = numberOption('mentees', 10_000);
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri || !process.env.KAFKA_BROKERS)
    throw new Error(
      'No infrastructure: run it with `npm run bench:coaching`, or set KAFKA_BROKERS and MONGODB_URI.',
    );
  const logger = createLogger('bench', { level: 'warn' });
  const kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'bench-coaching' }, logger);

  say('0. the engine: bulk upserts of 500 by _id, nothing of the platform in between');
  const ceiling = await measureEngineCeiling(
    mongoUri,
    { bulkDocs: mentees, singleDocs: 200, deadlineMs: DEADLINE_MS, keepData: false },
    say,
  );
  const context = singlePhaseContext({
    kafka,
    mongoUri,
    repoRoot,
    basePort: 13_700,
    deadlineMs: DEADLINE_MS,
    log: say,
  });
  const figures = await withBenchPlatform('coaching-lifecycle', context, (bench) =>
    measure(bench, mentees, say),
  );
  const engine = ceiling.bulk?.ms ? (ceiling.bulk.target * 1000) / ceiling.bulk.ms : null;
  const share = (perSecond: number) =>
    engine ? ` (${(perSecond / engine).toFixed(2)} of the engine's bulk upserts)` : '';
  const lines = [
    '## Coaching: bulk assignment and a group assignment ended',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:coaching\` (\`bench/coaching-lifecycle.bench.ts\`) on this machine,`,
    `every figure of one run, ${mentees} mentees, every service a process behind the gateway, chunks of 500 (\`FAN_OUT_CHUNK_SIZE\`).`,
    '',
    '| what | figure |',
    '| --- | --- |',
    `| the engine: bulk upserts of 500 by \`_id\` | ${engine ? `${Math.round(engine)}/s` : 'failed'} |`,
    `| bulk assignment (CO-A3): the 202 | ${figures.acceptedMs} ms |`,
    `| bulk assignment: from the POST to the last mentee's result | ${figures.bulk.seconds.toFixed(1)} s, ${Math.round(figures.bulk.perSecond)}/s${share(figures.bulk.perSecond)} |`,
    `| group assignment of the same members: its fan-out (context) | ${figures.fanOut.seconds.toFixed(1)} s, ${Math.round(figures.fanOut.perSecond)}/s |`,
    `| ending it (CO-A6, CO-A11): the answer | ${figures.endAnsweredMs} ms |`,
    `| ending it: until every derived assignment has ended | ${figures.end.seconds.toFixed(1)} s, ${Math.round(figures.end.perSecond)}/s${share(figures.end.perSecond)} |`,
    '',
    "A bulk chunk reads the chunk's users, memberships and assignments (one query each), inserts its",
    'assignments in one bulk write and saves its results; an ending chunk reads one page of derived',
    'assignments by id and writes their ends in one bulk write of compare-and-sets. On the local',
    'stand-in the reads by mentee and by group assignment scan the collection (its non-unique indexes',
    "are no-ops), which is what separates these rates from the engine's bulk upserts by `_id`.",
    '',
  ];
  say(`\n${await writeBenchmarkSection(repoRoot, 'coaching', lines)}\n`);
  say('wrote docs/benchmarks.md (coaching section)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
