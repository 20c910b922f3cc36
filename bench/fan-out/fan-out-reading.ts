import type { RunResult, Timeline } from './fan-out-run';
import { chunkGaps, count, mean, seconds, type FanOutResults } from './fan-out-report';

/** Mails a notifications instance sends at once: 3 partitions, each event's two mails in turn. */
const MAILS_IN_FLIGHT = 3;

/**
 * The reading of docs/benchmarks.md: this run's numbers set against what the code and the
 * local database stand-in do. What the code does is stated as of the commit measured; every
 * number, and every claim about the numbers, comes from the run's own results.
 */
export function fanOutReading(results: FanOutResults): string {
  const alone = results.runs.filter((run) => !run.withMails);
  const withMails = results.runs.filter((run) => run.withMails);
  return [
    failures(results.runs),
    summary(alone, withMails),
    fanOut(alone, results),
    events(alone, results.pollMs),
    seeding(results.runs),
    mails(withMails, results),
    trust(results),
  ]
    .filter((section) => section !== '')
    .join('\n\n');
}

function failures(runs: RunResult[]): string {
  const failed = runs.filter((run) => run.error || run.assignments?.ms == null);
  return failed
    .map(
      (run) =>
        `**${count(run.members)} members did not finish:** ${run.error ?? 'a measurement hit its deadline'}; the table shows how far it got.`,
    )
    .join('\n\n');
}

function summary(alone: RunResult[], withMails: RunResult[]): string {
  const lines = alone
    .filter((run) => run.assignments?.ms != null)
    .map(
      (run) =>
        `- ${count(run.members)} members: every assignment stored after ${seconds(run.assignments?.ms ?? 0)} ` +
        `(${perSecond(run.members, run.assignments?.ms)} assignments/s), the fan-out reported done after ${time(run.fanOutDone?.ms)}.`,
    );
  const scaling = scalingNote(alone);
  if (scaling) lines.push(`- ${scaling}`);
  for (const run of withMails) {
    if (run.mails?.ms == null || run.assignments?.ms == null) continue;
    lines.push(
      `- The e-mails are the slow stage: the ${count(2 * run.members)} mails of ${count(run.members)} members took ` +
        `${seconds(run.mails.ms)} (${perSecond(2 * run.members, run.mails.ms)} mails/s), ` +
        `${Math.round(run.mails.ms / Math.max(1, run.assignments.ms))}× the time of the fan-out that caused them.`,
    );
  }
  return lines.length > 0 ? `**In short.**\n\n${lines.join('\n')}` : '';
}

function scalingNote(runs: RunResult[]): string {
  const measured = runs.filter((run) => run.assignments?.ms != null).sort((a, b) => a.members - b.members);
  if (measured.length < 2) return '';
  const small = measured[0];
  const large = measured[measured.length - 1];
  const perSmall = (small.assignments?.ms ?? 0) / small.members;
  const perLarge = (large.assignments?.ms ?? 0) / large.members;
  const factor = perLarge / perSmall;
  const verdict =
    factor > 1.5
      ? 'the work per member grows with the group'
      : factor < 0.67
        ? 'the fixed start-up cost weighs more in the small run'
        : 'about linear at these sizes';
  return `Per member, ${count(large.members)} cost ${factor.toFixed(1)}× what ${count(small.members)} did (${perSmall.toFixed(1)} → ${perLarge.toFixed(1)} ms per assignment): ${verdict}.`;
}

function fanOut(runs: RunResult[], results: FanOutResults): string {
  const measured = runs.filter((run) => (run.chunks?.atMs.length ?? 0) > 0);
  if (measured.length === 0) return '';
  const lines = measured.map((run) => {
    const chunks = run.chunks?.atMs ?? [];
    const gaps = chunkGaps(chunks);
    const half = Math.ceil(gaps.length / 2);
    const pace =
      gaps.length === 0
        ? ''
        : gaps.length === 1
          ? `, the second ${seconds(gaps[0])} later`
          : `, then one every ${seconds(mean(gaps))} (${seconds(mean(gaps.slice(0, half)))} on average in the first half, ${seconds(mean(gaps.slice(half)))} in the second)`;
    const cpu = cpuShare(run, results, 'mongo (java)');
    const coaching = cpuShare(run, results, 'coaching');
    const cpuText = cpu
      ? `; of the CPU time used meanwhile, the database's Java process took ${cpu.share} % (${cpu.seconds} s, ${cpu.ofCores} % of the cores over the run) and coaching ${coaching?.share ?? 0} %`
      : '';
    const api =
      run.fanOutDone?.slowestLookMs != null
        ? `; the slowest read of the group assignment through the gateway meanwhile took ${seconds(run.fanOutDone.slowestLookMs)}`
        : '';
    return `- ${count(run.members)} members: ${chunks.length} chunks, the first stamped ${seconds(chunks[0])} after the POST${pace}${cpuText}${api}.`;
  });
  return `**The fan-out (a, b).** Coaching's own \`group-assignment.created\` starts it (outbox relay →
Kafka → coaching's consumer), so the first chunk comes shortly after the POST answered.
Each chunk of up to 500 members is one chunk query (active members of the group with a
matching role after the cursor, sorted by user id), one unordered bulk write of 500 upserts
(each writes an assignment with its \`assignment.created\` in its outbox), a re-read of the
chunk's members (\`userId $in\` the 500 ids, to close the race with removals) and the
progress save; in the background the outbox relay reads the 500 documents back by \`_id\`,
produces their events (one request per 200, acks from every replica) and \`$pull\`s them. So
every assignment is written twice, next to the chunk's reads:

${lines.join('\n')}

The database is where this goes. The stand-in, mongo-java-server (see the machine table),
runs each operation on a collection under that collection's lock, has no secondary indexes
(it ignores the non-unique ones the schemas declare, as \`.infra/mongo/mongo.log\` says), and
uses a unique index only for a query on exactly that index's fields. The upserts qualify;
the chunk query and the re-read scan the whole membership projection; and every service's
outbox sweeper looks for leftovers every 2 s with a query on \`outbox.envelope.occurredAt\`,
which no index covers (on MongoDB neither), scanning each outbox collection while it holds
it. On MongoDB, with the indexes the schemas declare, the reads would be index look-ups.`;
}

function events(runs: RunResult[], pollMs: number): string {
  const lines = runs
    .filter((run) => run.events?.ms != null && run.assignments?.ms != null && run.eventTimeline)
    .map((run) => {
      const lag = (run.events?.ms ?? 0) - (run.assignments?.ms ?? 0);
      const resolution = pollMs + (run.assignments?.slowestLookMs ?? 0);
      const when =
        Math.abs(lag) <= resolution
          ? 'within one poll of (b) of the last assignment being seen stored'
          : `${seconds(lag)} after the last assignment was seen stored`;
      const chunks = run.chunks?.atMs.length ?? 0;
      const rates =
        chunks >= 4
          ? `; events/s by quarter of them ${quarterRates(run.eventTimeline as Timeline, run.members)}`
          : '';
      return `- ${count(run.members)} members: the last event arrived ${when}${rates}.`;
    });
  if (lines.length === 0) return '';
  return `**The events (c)** follow the writes: the relay publishes each chunk's events right after its
bulk write, so they arrive in chunk-sized bursts, and the last shortly after the last write.

${lines.join('\n')}`;
}

function seeding(runs: RunResult[]): string {
  const measured = runs.filter((run) => run.projection?.ms != null);
  if (measured.length === 0) return '';
  const rates = measured
    .map(
      (run) =>
        `${count(run.members)} in ${seconds(run.projection?.ms ?? 0)} (${perSecond(run.members, run.projection?.ms)}/s, ` +
        `${((run.projection?.ms ?? 0) / run.members).toFixed(1)} ms each${run.withMails ? ', notifications running' : ''})`,
    )
    .join('; ');
  return `**Seeding (first column; not part of the fan-out)** shows the stand-in's scans most plainly.
Coaching applied the \`membership.added\` events at: ${rates}. Each one is an upsert guarded
by \`version < the event's version\` (so not exactly the unique index's fields: a scan of the
whole projection), then reads of the membership, of the group's group assignments and of
the member's assignments, one after the other, 3 partitions at a time; the \`user.created\`
events take the same path into the user projection at the same time.`;
}

function mails(runs: RunResult[], results: FanOutResults): string {
  const lines = runs
    .filter((run) => run.mails)
    .map((run) => {
      const done = run.mails?.ms != null;
      const perMail = done ? ((run.mails?.ms ?? 0) * MAILS_IN_FLIGHT) / (2 * run.members) : null;
      const cores = cpuShare(run, results, 'notifications');
      const status = run.deliveriesByStatus
        ? Object.entries(run.deliveriesByStatus)
            .map(([name, n]) => `${count(n)} ${name}`)
            .join(', ')
        : 'unknown';
      return (
        `- ${count(run.members)} members, ${count(2 * run.members)} mails: ${done ? `all sent after ${seconds(run.mails?.ms ?? 0)}` : 'not all sent by the deadline'}` +
        `${run.mailTimeline ? `; mails/s by quarter of them ${quarterRates(run.mailTimeline, 2 * run.members)}` : ''}` +
        `${perMail !== null ? `; about ${Math.round(perMail)} ms per mail for each of the ${MAILS_IN_FLIGHT} in flight` : ''}` +
        `${cores ? `; all processes together kept ${cores.ofCoresAll} % of the cores busy` : ''}; deliveries at the end: ${status}.`
      );
    });
  if (lines.length === 0) return '';
  const mongo = runs
    .map((run) => ({ run, cpu: cpuShare(run, results, 'mongo (java)') }))
    .find(({ cpu }) => cpu !== null);
  const database = mongo?.cpu
    ? `the database's Java process was busy ${mongo.cpu.ofCores} % of the cores meanwhile.`
    : 'the database is not what it waits for at this size.';
  const slow = runs.some(
    (run) => run.mails?.ms != null && ((run.mails.ms ?? 0) * MAILS_IN_FLIGHT) / (2 * run.members) >= 80,
  );
  const smtp = slow
    ? `

That is waiting, not work. In the code measured, \`SmtpMailSender\` hands nodemailer its
\`url\` together with \`pool: true\`, \`maxConnections: 8\` and its timeouts, but nodemailer 7's
\`createTransport\` takes every option from the URL alone when \`url\` is given: there is no
pool, so each mail opens a new SMTP connection and waits for MailDev's greeting before it is
sent, and the timeouts are nodemailer's defaults (minutes), not the ones kept under the
delivery lease. With ${MAILS_IN_FLIGHT} mails in flight, that caps the rate at the figure
above; ${database}`
    : '';
  return `**The e-mails (d).** Notifications handles the assignment events of 3 partitions at a time, and
each event's two deliveries one after the other. Each delivery is a chain of round trips:
the upsert on its natural key, the claim (a conditional update by \`_id\`, tenant, status and
lease: a scan on the stand-in), the recipient, the counterparts' names (\`userId $in\`: a
scan), the SMTP send to MailDev, and the mark as sent with its \`delivery.sent\` event, which
the relay then publishes.

${lines.join('\n')}${smtp}`;
}

function trust(results: FanOutResults): string {
  const loads = results.runs
    .map((run) => run.loadAverage.atPost)
    .filter((load): load is number => load !== null);
  const busiest = loads.length > 0 ? Math.max(...loads) : null;
  return `**How far to trust it.** One run of each size on ${results.machine.nproc} cores shared by the broker,
the database, MailDev, five Node processes and the benchmark${busiest !== null ? ` (1-minute load average up to ${busiest.toFixed(1)} at the POSTs)` : ''}.
(a), (b) and (d) are polled every ${results.pollMs} ms, (c) is exact, so (c) can come out a
little before (b). Every service consumes its topics whole, so anything else producing on
the same broker during a run (tests, another platform) adds work to it. The figures show
where this local setup spends its time and how it scales; on MongoDB the reads above become
index look-ups, except the outbox sweepers' query, which needs an index there too.`;
}

/** A process's share of the CPU used during a run, and of the cores over the run. */
function cpuShare(
  run: RunResult,
  results: FanOutResults,
  label: string,
): { share: number; seconds: string; ofCores: number; ofCoresAll: number } | null {
  const cpu = run.cpuSeconds;
  if (!cpu || !run.measuredMs || !(label in cpu)) return null;
  const total = Object.values(cpu).reduce((sum, s) => sum + s, 0);
  const capacity = (run.measuredMs / 1_000) * (Number(results.machine.nproc) || 1);
  return {
    share: Math.round((100 * cpu[label]) / Math.max(0.1, total)),
    seconds: cpu[label].toFixed(1),
    ofCores: Math.round((100 * cpu[label]) / capacity),
    ofCoresAll: Math.round((100 * total) / capacity),
  };
}

function quarterRates(timeline: Timeline, items: number): string {
  const marks = [timeline.first, timeline.p25, timeline.p50, timeline.p75, timeline.last];
  return marks
    .slice(1)
    .map((at, i) => {
      const span = (at - marks[i]) / 1_000;
      return span > 0 ? count(Math.round(items / 4 / span)) : '–';
    })
    .join(' → ');
}

function perSecond(items: number, ms: number | null | undefined): string {
  return ms ? count(Math.round(items / (ms / 1_000))) : '-';
}

function time(ms: number | null | undefined): string {
  return ms == null ? 'never (deadline)' : seconds(ms);
}
