import { existsSync } from 'node:fs';
import path from 'node:path';
import { EnrollmentsStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka, EventFactory, type OutboxEntry } from '@lms/messaging';
import { createLogger, runWithContext } from '@lms/observability';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { numberOption } from './platform/number-option';
import { withBenchPlatform, type BenchPlatform } from './platform/bench-platform';
import { singlePhaseContext, timeUntil, type Timed } from './platform/time-until';
import { measureEngineCeiling } from './platform/engine-ceiling';
import { membershipsAdded, produceInBatches } from './platform/membership-events';
import { sleep } from './platform/poll-until';

/**
 * Learning's group enrollments at volume (LE-G1, LE-P1), in one run on this machine:
 *   0. the engine's ceiling: unordered bulk upserts of 500 by `_id`, nothing of the platform;
 *   1. a course assigned to a group before its N members arrive: each enrolled as its
 *      `membership.added` is consumed, until all N are stored;
 *   2. a second course assigned to the same N members, known by then: its job enrolls them
 *      page by page, from the 202 until all N are stored;
 *   3. a plan of one course assigned to P of them (one plan enrollment at a time);
 *   4. the plan states recomputed: P enrollment events of the plan's course put on Kafka, until
 *      learning has consumed them all (each one recomputes the learner's plan).
 * Prints the figures and writes them into the learning section of docs/benchmarks.md.
 *
 *   npm run bench:learning [-- --members 10000 --plan-members 2000]
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);
const DEADLINE_MS = 15 * 60_000;

/** Waits for `done` up to the deadline: the seconds from `startedAt`, and per second for `count`. */
const timeUntilDeadline = (startedAt: number, count: number, done: () => Promise<boolean>): Promise<Timed> =>
  timeUntil(startedAt, count, done, DEADLINE_MS);
const MATERIAL = [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/welcome.mp4' }];

interface GroupEnrollmentBody {
  id: string;
  status: string;
  counts: { enrolled: number; kept: number; notEnrolled: number };
  joined: { enrolled: number; kept: number; notEnrolled: number };
}

const learningEvents = new EventFactory('learning');

/** An enrollment's change as learning publishes it: the plan consumer recomputes the learner's plans. */
function enrollmentTouched(
  tenantId: string,
  courseId: string,
  userId: string,
  correlationId: string,
): OutboxEntry {
  const enrollmentId = newId();
  return runWithContext({ correlationId, causationId: null }, () =>
    learningEvents.create(EnrollmentsStream, 'enrollment.state-changed', {
      tenantId,
      aggregateId: enrollmentId,
      aggregateVersion: 2,
      payload: {
        enrollmentId,
        courseId,
        userId,
        sessionId: null,
        state: 'enrolled',
        previousState: 'enrolled',
        updatedAt: new Date().toISOString(),
      },
    }),
  );
}

/** Learning's count of events it consumed and processed, from its metrics. */
async function processedByLearning(learningUrl: string): Promise<number> {
  const text = await (await fetch(`${learningUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('events_consumed_total{outcome="processed"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function measure(
  bench: BenchPlatform,
  learningUrl: string,
  members: number,
  planMembers: number,
  say: (line: string) => void,
) {
  const { api, tenantId, correlationId } = bench;
  const course = async (title: string) => {
    const created = await api.create<{ id: string }>('/api/v1/learning/courses', {
      title,
      kind: 'elearning',
      material: MATERIAL,
    });
    const published = await api.call('POST', `/api/v1/learning/courses/${created.id}/publish`);
    if (published.status !== 200) throw new Error(`publishing answered ${published.status}`);
    return created.id;
  };
  const read = (id: string) => api.get<GroupEnrollmentBody>(`/api/v1/learning/group-enrollments/${id}`);
  const group = newId();
  const learners = Array.from({ length: members }, () => newId());

  say(`1. a course assigned to a group, then its ${members} members put on Kafka`);
  const first = await api.call<GroupEnrollmentBody>('POST', '/api/v1/learning/group-enrollments', {
    groupId: group,
    courseId: await course('Welcome'),
  });
  if (first.status !== 202) throw new Error(`the group enrollment answered ${first.status}`);
  await timeUntilDeadline(Date.now(), 1, async () => (await read(first.body.id)).status === 'following');
  // Learning's new consumer group starts at the newest offsets once it has joined: wait for it.
  await sleep(5_000);
  const joinStarted = Date.now();
  await produceInBatches(bench.producer, membershipsAdded(tenantId, [group], learners, correlationId));
  const joined = await timeUntilDeadline(
    joinStarted,
    members,
    async () => (await read(first.body.id)).joined.enrolled >= members,
  );
  say(
    `   all ${members} enrolled as they joined after ${joined.seconds.toFixed(1)} s (${Math.round(joined.perSecond)}/s)`,
  );

  say(`2. a second course assigned to the same ${members} members`);
  const jobStarted = Date.now();
  const second = await api.call<GroupEnrollmentBody>('POST', '/api/v1/learning/group-enrollments', {
    groupId: group,
    courseId: await course('Negotiation'),
  });
  const acceptedMs = Date.now() - jobStarted;
  const job = await timeUntilDeadline(jobStarted, members, async () => {
    const progress = await read(second.body.id);
    if (progress.status !== 'following') return false;
    if (progress.counts.enrolled !== members) throw new Error(`counts ${JSON.stringify(progress.counts)}`);
    return true;
  });
  say(
    `   accepted in ${acceptedMs} ms; all ${members} enrolled after ${job.seconds.toFixed(1)} s (${Math.round(job.perSecond)}/s)`,
  );

  say(`3. a plan of one course assigned to ${planMembers} of them`);
  const planGroup = newId();
  const planLearners = learners.slice(0, planMembers);
  await produceInBatches(
    bench.producer,
    membershipsAdded(tenantId, [planGroup], planLearners, correlationId),
  );
  const planCourse = await course('Closing');
  const plan = await api.create<{ id: string }>('/api/v1/learning/plans', {
    title: 'Sales path',
    courseIds: [planCourse],
  });
  // The members of the plan's group are in the projection once a course assigned to it has them all.
  const probe = await api.call<GroupEnrollmentBody>('POST', '/api/v1/learning/group-enrollments', {
    groupId: planGroup,
    courseId: await course('Probe'),
  });
  await timeUntilDeadline(Date.now(), 1, async () => {
    const p = await read(probe.body.id);
    return p.counts.enrolled + p.joined.enrolled >= planMembers;
  });
  const planStarted = Date.now();
  const planned = await api.call<GroupEnrollmentBody>('POST', '/api/v1/learning/group-enrollments', {
    groupId: planGroup,
    planId: plan.id,
  });
  const plans = await timeUntilDeadline(planStarted, planMembers, async () => {
    const progress = await read(planned.body.id);
    return progress.status === 'following' && progress.counts.enrolled === planMembers;
  });
  say(
    `   ${planMembers} plan enrollments after ${plans.seconds.toFixed(1)} s (${Math.round(plans.perSecond)}/s)`,
  );

  say(`4. ${planMembers} enrollment events of the plan's course: each learner's plan recomputed`);
  let before = await processedByLearning(learningUrl);
  for (;;) {
    await sleep(2_000);
    const now = await processedByLearning(learningUrl);
    if (now === before) break;
    before = now;
  }
  const recomputeStarted = Date.now();
  await produceInBatches(
    bench.producer,
    planLearners.map((userId) => enrollmentTouched(tenantId, planCourse, userId, correlationId)),
  );
  const recompute = await timeUntilDeadline(
    recomputeStarted,
    planMembers,
    async () => (await processedByLearning(learningUrl)) - before >= planMembers,
  );
  say(
    `   ${planMembers} recomputed after ${recompute.seconds.toFixed(1)} s (${Math.round(recompute.perSecond)}/s)`,
  );
  return { joined, acceptedMs, job, plans, recompute };
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(line);
  const members = numberOption('members', 10_000);
  const planMembers = numberOption('plan-members', 2_000);
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri || !process.env.KAFKA_BROKERS)
    throw new Error(
      'No infrastructure: run it with `npm run bench:learning`, or set KAFKA_BROKERS and MONGODB_URI.',
    );
  const logger = createLogger('bench', { level: 'warn' });
  const kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'bench-learning' }, logger);

  say('0. the engine: bulk upserts of 500 by _id, nothing of the platform in between');
  const ceiling = await measureEngineCeiling(
    mongoUri,
    { bulkDocs: members, singleDocs: 200, deadlineMs: DEADLINE_MS, keepData: false },
    say,
  );
  const basePort = 13_800;
  const context = singlePhaseContext({
    kafka,
    mongoUri,
    repoRoot,
    basePort,
    deadlineMs: DEADLINE_MS,
    log: say,
  });
  // The ports follow the gateway's in the platform's order: identity, coaching, learning.
  const learningUrl = `http://127.0.0.1:${basePort + 3}`;
  const f = await withBenchPlatform('learning-group-enrollment', context, (bench) =>
    measure(bench, learningUrl, members, planMembers, say),
  );
  const engine = ceiling.bulk?.ms ? (ceiling.bulk.target * 1000) / ceiling.bulk.ms : null;
  const share = (perSecond: number) =>
    engine ? ` (${(perSecond / engine).toFixed(2)} of the engine's bulk upserts)` : '';
  const lines = [
    '## Learning: a group enrolled in a course and a plan',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:learning\` (\`bench/learning-group-enrollment.bench.ts\`) on this machine,`,
    `every figure of one run, ${members} members (${planMembers} for the plan), every service a process behind the gateway,`,
    'pages of 500 members (`GROUP_ENROLLMENT_CHUNK_SIZE`), free e-learning courses.',
    '',
    '| what | figure |',
    '| --- | --- |',
    `| the engine: bulk upserts of 500 by \`_id\` | ${engine ? `${Math.round(engine)}/s` : 'failed'} |`,
    `| members enrolled as their \`membership.added\` is consumed (LE-G1, future members) | ${f.joined.seconds.toFixed(1)} s, ${Math.round(f.joined.perSecond)}/s${share(f.joined.perSecond)} |`,
    `| a course assigned to the group: the 202 | ${f.acceptedMs} ms |`,
    `| a course assigned to the group: until every enrollment is stored (LE-G1, current members) | ${f.job.seconds.toFixed(1)} s, ${Math.round(f.job.perSecond)}/s${share(f.job.perSecond)} |`,
    `| a plan of one course assigned to ${planMembers} members: until every plan enrollment is stored | ${f.plans.seconds.toFixed(1)} s, ${Math.round(f.plans.perSecond)}/s |`,
    `| plan states recomputed from enrollment events (LE-P1) | ${f.recompute.seconds.toFixed(1)} s, ${Math.round(f.recompute.perSecond)}/s |`,
    '',
    "A course's job reads one page of members (a scan of the membership projection on the stand-in, an",
    'index range on MongoDB) and inserts its enrollments with their events in one bulk of upserts on',
    'the unique key (tenant, course and learner). A plan enrolls one learner at a time through the same',
    "rules as `POST /plans/{id}/enrollments` (each course's policy and seats), hence its lower rate.",
    "A plan recomputation reads the learner's plan enrollments and its enrollments in the plan's courses.",
    '',
  ];
  say(`\n${await writeBenchmarkSection(repoRoot, 'learning', lines)}\n`);
  say('wrote docs/benchmarks.md (learning section)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
