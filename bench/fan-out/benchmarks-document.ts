import {
  BREAKDOWN_HEADERS,
  breakdownRows,
  CPU_HEADERS,
  cpuRows,
  markdownTable,
  resultRows,
  type FanOutResults,
} from './fan-out-report';
import { fanOutReading } from './fan-out-reading';

const RESULT_HEADERS = [
  'members',
  'services running',
  'seed → coaching projection',
  '(a) fan-out done',
  '(b) N assignments stored',
  '(c) N events on Kafka',
  '(d) 2N mails sent',
  'assignments/s (b)',
  'events/s (c)',
  'mails/s (d)',
];

/** docs/benchmarks.md, written from one invocation's results. */
export function benchmarksDocument(results: FanOutResults): string {
  const { machine } = results;
  return `# Benchmarks

Written by the fan-out benchmark (\`bench/fan-out.bench.ts\`) from its last run; run it again
to replace it. Numbers from one run on one machine: read them as orders of magnitude and as
a guide to where the time goes, not as a capacity figure.

## The fan-out: group membership → coach assignments → e-mails

The heart of the product, on the whole platform: every service and the gateway started as
its own process from \`dist/\` (\`startPlatform\` of \`@lms/testing\`), each with fresh
databases and consumer groups, against the local Kafka broker, MongoDB stand-in and MailDev.

Per run, for a group of N learners:

1. A coach and N learners are put on identity's topics as identity publishes them: N + 1
   \`user.created\` on \`identity.users.v1\`, then N \`membership.added\` (role \`learner\`,
   one group) on \`identity.group-memberships.v1\`, in produce requests of 500 events.
   The benchmark waits until coaching's membership projection holds the N active members
   (and its user projection, and with e-mails notifications' recipients, every user), by
   reading their databases. That time is the first column; it is not part of the fan-out.
2. \`POST /api/v1/coaching/group-assignments\` through the gateway (roles \`learner\`, the
   coach), and from that moment:
   - **(a)** until \`GET /api/v1/coaching/group-assignments/:id\` reports \`fanOut.status\`
     \`done\`;
   - **(b)** until the N individual assignments are in coaching's database;
   - **(c)** until N distinct \`assignment.created\` events of the run's tenant arrived on
     \`coaching.assignments.v1\` at a consumer of the benchmark's own (joined, from the
     newest offset, before the POST);
   - **(d)** only for the e-mail runs: until all 2N deliveries (the mentee and the coach of
     every assignment) are \`sent\` in notifications' database, i.e. accepted by MailDev's SMTP.
3. Throughput is N (or 2N mails) divided by the time from the POST.

Runs without e-mails stop the notifications service right after start-up, so that the
fan-out is measured alone (20,000 mails would swamp the 10,000 run); the e-mail runs keep
every service running, so their (a)–(c) also show what the mail work costs the fan-out.
(a), (b) and (d) are polled every ${results.pollMs} ms (late by up to that much, plus the
time the look itself takes while the database is busy); (b) reads
the run's assignment collection's count, which is exact because the run's database holds
this group assignment only, and costs the database no scan while it works. (c) is the
arrival time of the N-th event. Each phase has a deadline of ${Math.round(results.timeoutMs / 1_000)} s.

## Machine

| | |
|---|---|
| CPU | ${machine.cpuModel}, \`nproc\` = ${machine.nproc} |
| memory (\`free -g\`) | ${freeSummary(machine.freeG)} |
| OS | ${machine.os} |
| Node.js | ${machine.node} |
| Java | ${machine.java} |
| Kafka | ${machine.kafka} |
| MongoDB stand-in | ${machine.mongoServer} |
| code measured | ${machine.code ?? 'unknown'} |

Everything (broker, database, MailDev, five Node processes and the benchmark) shares the
same ${machine.nproc} cores.

## Command

\`\`\`bash
npm run bench        # scripts/bench.sh: npm dependencies, infra/up.sh, build, then the line below
# or by hand, with the infrastructure up and built:
set -a; . .infra/env; set +a
${results.command}
\`\`\`

## Results (${results.finishedAt.slice(0, 16).replace('T', ' ')} UTC)

Times from the POST.

${markdownTable(RESULT_HEADERS, resultRows(results))}

Where the time went, from what each run collected afterwards: the chunks are the distinct
\`createdAt\` stamps of the assignments (one per fan-out chunk, taken just before its bulk
write); (c) − (b) is how long the last events took from the database to the benchmark's
consumer (it can come out below zero, since (b) is polled); the mails per quarter come from
their \`sentAt\`.

${markdownTable(BREAKDOWN_HEADERS, breakdownRows(results))}

CPU time each process used from the POST until the last measurement ended (from \`/proc\`;
the broker, the database and MailDev also serve anything else that runs on the machine):

${markdownTable(CPU_HEADERS, cpuRows(results))}

## Reading

${fanOutReading(results)}
`;
}

function freeSummary(freeG: string): string {
  const mem = freeG.split('\n').find((line) => line.startsWith('Mem:'));
  if (!mem) return 'unknown';
  const [, total, used, free] = mem.split(/\s+/);
  return `${total} GiB total, ${used} GiB used, ${free} GiB free (before the runs)`;
}
