import type { MachineInfo } from './machine-info';
import type { Measurement } from './poll-until';
import { perSecond, type BenchResults } from './bench-results';
import { cpuTable } from './cpu-table';
import { summarizeLatencies } from './latency-stats';
import { count, seconds, unfinished } from './phase-outcome';
import { rateText, resultsTable, TARGETS } from './results-table';

/** docs/benchmarks.md, written from one invocation's results. */
export function benchmarksDocument(results: BenchResults): string {
  const cpu = cpuTable(results);
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/platform.bench.ts\`) from its last run; run it again to
replace this page. Numbers from one run on one machine: read them as orders of magnitude and
as a guide to where the time goes, not as a capacity figure.

## Run

| | |
|---|---|
| date | ${results.finishedAt.slice(0, 16).replace('T', ' ')} UTC |
| database engine | ${engineText(results.engine)} |
${machineRows(results.machine)}

Everything (broker, database, MailDev, the platform's Node processes and the benchmark)
shares the same ${results.machine.nproc} cores.

## Command

\`\`\`bash
${results.command}
\`\`\`

\`scripts/bench.sh\` installs what is missing, starts infrastructure of the benchmark's own
(\`--engine memory\`, the default, or \`--engine h2\`: its own folder \`.infra/bench-<engine>\`
and ports, so neither \`npm start\`'s nor \`npm test\`'s broker and database are touched),
builds, runs \`node dist/bench/platform.bench.js\` with the same arguments and stops the
infrastructure again if it started it. With \`KAFKA_BROKERS\`, \`MONGODB_URI\` and \`SMTP_URL\`
set (and no \`--engine\`) it uses that infrastructure instead. \`--sizes\`, \`--latency-samples\`
and \`--only a,b,c\` make a quick run; \`npm run bench -- --help\` lists every option.

## Results

${resultsTable(results)}

The fraction is each figure divided by the engine's bulk ceiling (i); for (c), the rate of
one member at a time at the median latency (1 / p50) divided by it. Targets: at least
${TARGETS.throughputFraction.toFixed(1)} of (i) for (a) and (b); a p99 under ${TARGETS.latencyP99Ms} ms for (c). Each phase (seeding, measuring,
the latency samples) has a deadline of ${Math.round(results.deadlineMs / 1_000)} s; one that hits it reports how far it got.

## What is measured

Each of (a), (b) and (c) runs on a platform of its own: every service and the gateway started
as its own process from \`dist/\` (\`startPlatform\` of \`@lms/testing\`) with fresh databases,
consumer groups (from the newest offsets) and tenant, against the same broker and database
server, with the notifications service stopped right after start-up, so that e-mails take no
share of the machine. Events are put on Kafka the way identity publishes them: built and
validated by the messaging library's \`EventFactory\` with the contract of
\`identity.group-memberships.v1\` and keyed by its key function, in produce requests of 500.

**(0) The engine's ceiling.** Mongoose's own MongoDB driver, nothing of the platform in
between, against the platform's database server, in a scratch database dropped afterwards,
on documents shaped like a membership projection's: (i) unordered bulk writes of 500 upserts
whose filter is exactly \`_id\`, one after the other (${count(results.ceiling.bulk?.target ?? 0)} documents); (ii) one upsert by \`_id\`
per round trip (${count(results.ceiling.single?.target ?? 0)} documents). What the platform could reach at best for writes it makes
one document per member. (iii) the same bulk upserts, each document carrying one outbox entry
(an \`assignment.created\` envelope), each followed by the bulk removal of those entries by \`_id\`,
as the relay does once they are published (${count(results.ceiling.outboxed?.target ?? 0)} documents): the two writes per member a
group assignment's fan-out cannot do without, before it reads the members, publishes on Kafka
or runs anything else of the platform: (b) cannot pass (iii) on this engine.

**(a) Membership events → coaching's projection.** N \`membership.added\` events (role
\`learner\`) for N distinct members dealt over a few groups are put on Kafka while coaching
is stopped (a backlog, as after a bulk import); coaching is started, and the clock runs from
the first member seen in \`membership_projections\` until it holds all N; events/s = the
members applied in that time / that time. So the figure is coaching's rate, not that of the
benchmark's own producer, which shares the machine.
The benchmark polls every ${results.pollMs} ms the collection's size, which the engine keeps
without a scan (the phase's database holds nothing else), and confirms it with one exact
count of the tenant's documents once it reaches N.

**(b) A group assignment's fan-out.** The projection is first seeded with N members of one
group through events as in (a) (not timed). Then \`POST /api/v1/coaching/group-assignments\`
through the gateway (roles \`learner\`, one coach), timed until both the N derived assignments
are in coaching's \`assignments\` collection (polled as in (a)) and N distinct
\`assignment.created\` events of the group assignment arrived on \`coaching.assignments.v1\`
at a consumer of the benchmark's own, joined before the POST; assignments/s = N / the later
of the two.

**(c) One membership → its assignment.** A group of 10 learners gets a group assignment and
its fan-out is waited for (done through the API, assignments stored); then, with the
platform otherwise idle, ${count(results.latency?.samples ?? 0)} new members are added one at a time: one \`membership.added\`
produced (acknowledged by the broker), then the \`assignments\` collection's size looked at
every ${results.latencyPollMs} ms until the member's derived assignment is there, then the next. The latency
runs from just before the produce request to the answer that showed the assignment.

${details(results)}
${cpu ? `CPU time each process used while (a) and (b) were measured (from \`/proc\`; the broker and the database are the processes named by the infrastructure folder's pid files, else every such process on the machine):\n\n${cpu}\n` : ''}
## How far to trust it

One run of each size on ${results.machine.nproc} cores shared by the broker, the database, the
platform's processes and the benchmark. The polled figures are late by up to one poll
interval plus the look itself; the event arrivals of (b) are exact. Every service consumes
its topics whole, so anything else producing on the same broker during a run adds work to it.
`;
}

function details(results: BenchResults): string {
  const lines: string[] = [];
  for (const run of results.projection) {
    const parts = [`produced in ${run.produceMs === null ? '-' : seconds(run.produceMs)}`];
    if (run.projection) parts.push(`projection ${measured(run.projection, results.deadlineMs, 'events/s')}`);
    if (run.foreignDocuments)
      parts.push('the projection also held other tenants’ memberships, so it was counted exactly');
    if (run.error) parts.push(`failed: ${run.error}`);
    lines.push(`- (a) ${count(run.members)} members: ${parts.join('; ')}.`);
  }
  for (const run of results.groupAssignment) {
    const parts = [
      `seeding (not timed) ${run.seed ? measured(run.seed, results.deadlineMs, 'events/s') : '-'}`,
    ];
    if (run.postMs !== null) parts.push(`POST answered in ${run.postMs} ms`);
    if (run.stored)
      parts.push(`assignments stored ${measured(run.stored, results.deadlineMs, 'assignments/s')}`);
    if (run.events) parts.push(`events on Kafka ${measured(run.events, results.deadlineMs, 'events/s')}`);
    if (run.duplicateEvents > 0) parts.push(`${count(run.duplicateEvents)} events arrived twice`);
    if (run.error) parts.push(`failed: ${run.error}`);
    lines.push(`- (b) ${count(run.members)} members: ${parts.join('; ')}.`);
  }
  const latency = results.latency;
  if (latency) {
    const summary = summarizeLatencies(latency.latenciesMs);
    const parts = summary
      ? [
          `${count(summary.count)} samples: p50 ${summary.p50} ms, p99 ${summary.p99} ms, max ${summary.max} ms, ` +
            `mean ${(latency.latenciesMs.reduce((sum, ms) => sum + ms, 0) / summary.count).toFixed(1)} ms`,
        ]
      : ['no samples'];
    if (latency.incomplete) parts.push(latency.incomplete);
    if (latency.error) parts.push(`failed: ${latency.error}`);
    lines.push(`- (c) ${parts.join('; ')}.`);
  }
  return lines.length === 0 ? '' : `## Details\n\n${lines.join('\n')}\n`;
}

function measured(measurement: Measurement, deadlineMs: number, unit: string): string {
  if (measurement.ms === null) return unfinished(deadlineMs, measurement);
  return `after ${seconds(measurement.ms)} (${rateText(perSecond(measurement) ?? 0)} ${unit})`;
}

function engineText(engine: string): string {
  if (engine === 'memory') return 'mongo-java-server, in-memory backend (`--engine memory`)';
  if (engine === 'h2') return 'mongo-java-server, H2 file backend, as `npm start` uses (`--engine h2`)';
  return engine;
}

function machineRows(machine: MachineInfo): string {
  return [
    `| CPU | ${machine.cpuModel}, \`nproc\` = ${machine.nproc} |`,
    `| memory (\`free -g\`) | ${freeSummary(machine.freeG)} |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| Java | ${machine.java} |`,
    `| Kafka | ${machine.kafka} |`,
    `| MongoDB server | ${machine.mongoServer} |`,
    `| code measured | ${machine.code} |`,
  ].join('\n');
}

function freeSummary(freeG: string): string {
  const mem = freeG.split('\n').find((line) => line.startsWith('Mem:'));
  if (!mem) return 'unknown';
  const [, total, used, free] = mem.split(/\s+/);
  return `${total} GiB total, ${used} GiB used, ${free} GiB free (before the runs)`;
}
