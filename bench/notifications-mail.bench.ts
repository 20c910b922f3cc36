import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { createTransport } from 'nodemailer';
import { UsersStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka, EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { ACCOUNT_DEFAULTS, uniqueSuffix } from '@lms/testing';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { numberOption } from './platform/number-option';
import { produceInBatches } from './platform/membership-events';
import { sleep } from './platform/poll-until';
import { cpuBetween, snapshotCpu } from './platform/process-cpu';
import { assignmentCreated, plannedDeliveries } from './notifications/assignment-burst';
import { deliveryFloor, type ChunkWork } from './notifications/delivery-floor';
import { startNotificationsInstances } from './notifications/notifications-instances';
import { DEFAULT_DIGEST_SETTINGS } from '../apps/notifications/src/deliveries/domain/coach-digest';
import { DISPATCH_CHUNK } from '../apps/notifications/src/deliveries/use-cases/dispatch-delivery.use-case';
import {
  renderMail,
  type RenderedMail,
} from '../apps/notifications/src/deliveries/domain/templates/render-mail';
import { NotificationsEnv } from '../apps/notifications/src/config/notifications.env';

/**
 * Mails at volume (NO-2, NO-5), in one run on this machine:
 *   0. the mail server's ceiling: a plain pooled SMTP client sending to the local MailDev;
 *   a. a burst of N `assignment.created` events (one coach, N mentees: 2N mails) into one
 *      notifications instance, digests off, from the first event until every mail is accepted
 *      by MailDev;
 *   b. the same with the coach digest at its default settings: N mentee mails and the coach's
 *      digests, until the last one is accepted;
 *   c. as a, into three instances sharing the database and the consumer group.
 * The events are put on Kafka as coaching publishes them, after the recipients are known.
 * Prints the figures and writes them into the notifications section of docs/benchmarks.md.
 *
 *   npm run bench:mail [-- --events 10000] [--only a,c]
 *
 * `--only` runs the ceiling and the phases named, prints them and leaves docs/benchmarks.md as it
 * is (to try a setting, e.g. `DELIVERY_SEND_CONCURRENCY=80 npm run bench:mail -- --only a`).
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);
const DEADLINE_MS = 20 * 60_000;
/** The plain client's connections: as many as one notifications instance opens by default. */
const CLIENT_CONNECTIONS = new NotificationsEnv().DELIVERY_SEND_CONCURRENCY;

/** What the plain client sends: a short mail, or the platform's own (its templates' output). */
type CeilingMails = 'short' | 'platform';

/** The two mails of an `assignment.created` as the platform renders them: the mentee's and the coach's. */
function platformMails(): RenderedMail[] {
  const person = (firstName: string) => ({ firstName, lastName: 'User' });
  return (['assignment.created.mentee', 'assignment.created.coach'] as const).map((kind) =>
    renderMail({
      kind,
      locale: 'en',
      recipientFirstName: 'Bench',
      counterparts: [person(kind.endsWith('mentee') ? 'Coach' : 'Mentee')],
      link: 'http://localhost:8080/coaching/assignments/0190c0de-0000-7000-8000-000000000001',
    }),
  );
}

interface Timed {
  mails: number;
  seconds: number;
  perSecond: number;
  /** CPU milliseconds per mail, per process, while it was measured. */
  cpuMsPerMail: Record<string, number>;
}

/** A burst's figures: the mails sent, and how many of them went to the coach. */
interface Burst extends Timed {
  coachMails: number;
}

/** Each mail alone, at once (the coach's too). */
const DIGESTS_OFF = { DIGEST_WINDOW_MS: '0' };

async function clearMailDev(): Promise<void> {
  const api = process.env.MAILDEV_API_URL;
  if (api) await fetch(`${api}/api/email/all`, { method: 'DELETE' }).catch(() => undefined);
}

/** The folder of the infrastructure the benchmark runs on (its pid files), when scripts/bench.sh started it. */
function infraDir(): string | null {
  return process.env.INFRA_DIR ?? null;
}

/** Where the CPU went since `before`, in milliseconds per mail, per process (every notifications instance together). */
function perMail(before: ReturnType<typeof snapshotCpu>, mails: number): Record<string, number> {
  const used = cpuBetween(before, snapshotCpu(infraDir()));
  return Object.fromEntries(
    Object.entries(used).map(([label, seconds]) => [label, (1_000 * seconds) / Math.max(mails, 1)]),
  );
}

/** The CPU a run used per mail: MailDev's, and the rest of the machine's (the platform, or the plain client). */
function cpuSplit(timed: Timed): { maildev: number; rest: number } {
  const maildev = timed.cpuMsPerMail.maildev ?? 0;
  const all = Object.values(timed.cpuMsPerMail).reduce((sum, ms) => sum + ms, 0);
  return { maildev, rest: all - maildev };
}

/** The cores of this machine, which MailDev, the platform and its infrastructure share. */
const cores = os.cpus().length;

/** The most mails per second the machine's cores allow at a run's CPU cost per mail. */
function cpuBound(timed: Timed): number {
  const { maildev, rest } = cpuSplit(timed);
  return Math.round((cores * 1_000) / Math.max(maildev + rest, 0.001));
}

function cpuCells(timed: Timed): string {
  const { maildev, rest } = cpuSplit(timed);
  return `${maildev.toFixed(2)} | ${rest.toFixed(2)}`;
}

function cpuWords(timed: Timed): string {
  const parts = Object.entries(timed.cpuMsPerMail)
    .filter(([, ms]) => ms >= 0.005)
    .sort(([, a], [, b]) => b - a)
    .map(([label, ms]) => `${label} ${ms.toFixed(2)}`);
  return `CPU ms per mail: ${parts.join(', ')}`;
}

/**
 * Phase 0: what MailDev accepts from a plain pooled client, nothing of the platform: short
 * mails, or the very mails the platform sends (MailDev parses and stores each one, so its
 * ceiling falls as mails grow: the platform's figures are compared with the latter). With
 * `work`, the mails go by chunks as the platform's sender sends them, the work done around
 * each chunk (0'': the database writes each mail needs).
 */
async function mailServerCeiling(mails: number, content: CeilingMails, work?: ChunkWork): Promise<Timed> {
  const rendered = platformMails();
  const cpuBefore = snapshotCpu(infraDir());
  const smtp = new URL(process.env.SMTP_URL ?? '');
  const transport = createTransport({
    pool: true,
    maxConnections: CLIENT_CONNECTIONS,
    host: smtp.hostname,
    port: Number(smtp.port),
    secure: false,
  });
  const started = Date.now();
  const size = work ? DISPATCH_CHUNK : 1;
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let first = next; first < mails; first = next) {
      next = Math.min(mails, first + size);
      const chunk = Array.from({ length: next - first }, (_, at) => first + at);
      await work?.before(chunk);
      await Promise.all(
        chunk.map((i) =>
          transport.sendMail({
            from: 'bench@bench.example.test',
            to: `ceiling-${i}@bench.example.test`,
            ...(content === 'platform'
              ? pick(rendered, i)
              : {
                  subject: `Mail ${i}`,
                  text: 'Hi,\n\nA mail of the ceiling.\n',
                  html: '<p>Hi,</p><p>A mail of the ceiling.</p>',
                }),
          }),
        ),
      );
      await work?.after(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.floor(CLIENT_CONNECTIONS / size) }, lane));
  transport.close();
  const seconds = (Date.now() - started) / 1000;
  return { mails, seconds, perSecond: mails / seconds, cpuMsPerMail: perMail(cpuBefore, mails) };
}

function pick(rendered: readonly RenderedMail[], i: number): Pick<RenderedMail, 'subject' | 'text' | 'html'> {
  const mail = rendered[i % rendered.length] as RenderedMail;
  return { subject: mail.subject, text: mail.text, html: mail.html };
}

const identity = new EventFactory('identity');

function userCreated(tenantId: string, userId: string): OutboxEntry {
  return identity.create(UsersStream, 'user.created', {
    tenantId,
    aggregateId: userId,
    aggregateVersion: 1,
    payload: {
      userId,
      email: `${userId}@bench.example.test`,
      firstName: 'Bench',
      lastName: 'User',
      locale: 'en',
      ...ACCOUNT_DEFAULTS,
      state: 'active',
    },
  });
}

/**
 * Deliveries read at once while waiting. Small: the local stand-in matches each document it
 * finds by `_id` against the whole `$in` list again, so a read of n ids costs n² comparisons.
 */
const POLL_WINDOW = 50;

/** What the benchmark reads of a delivery. */
interface DeliveryStatus {
  _id: string;
  status: string;
}

/**
 * Until none of these deliveries, nor any other (a digest), is pending. They are read by `_id`,
 * a few at a time from the first one still pending (the sender takes the oldest first), so that
 * waiting costs the server little: filtered counts scanned every delivery four times a second
 * and took a third of the database's CPU from the platform being measured. Only at the end
 * does one look for any other pending delivery.
 */
async function untilNonePending(
  deliveries: Collection<DeliveryStatus>,
  ids: readonly string[],
): Promise<void> {
  let next = 0;
  await until(async () => {
    while (next < ids.length) {
      const window = ids.slice(next, next + POLL_WINDOW);
      const docs = await deliveries.find({ _id: { $in: window } }, { projection: { status: 1 } }).toArray();
      const status = new Map(docs.map((doc) => [doc._id, doc.status]));
      const open = window.findIndex((id) => (status.get(id) ?? 'pending') === 'pending');
      if (open >= 0) {
        next += open;
        return false;
      }
      next += window.length;
    }
    return (await deliveries.findOne({ status: 'pending' }, { projection: { _id: 1 } })) === null;
  });
}

async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('deadline passed');
    await sleep(250);
  }
}

/**
 * Phases a, b and c: N events into `instances` notifications processes with `env`, until no
 * delivery is pending any more (each sent, or digested into a digest that was sent).
 */
async function burst(
  producer: EventProducer,
  mongo: MongoClient,
  events: number,
  instances: number,
  env: Record<string, string>,
  say: (line: string) => void,
): Promise<Burst> {
  const label = `${instances}x-${uniqueSuffix()}`;
  const running = await startNotificationsInstances({
    repoRoot,
    count: instances,
    basePort: 13_900,
    label,
    logDir: path.join(repoRoot, '.infra', 'logs', `mail-bench-${label}`),
    env,
  });
  try {
    const db: Db = mongo.db(running.database);
    const tenantId = `bench-${label}`;
    const coachId = newId();
    const mentees = Array.from({ length: events }, () => newId());
    // The consumers start from the newest offsets: wait until a first user is known before the rest.
    const probe = newId();
    await until(async () => {
      await producer.send([userCreated(tenantId, probe)]);
      await sleep(1_000);
      return (await db.collection('recipients').countDocuments({ tenantId })) > 0;
    });
    await produceInBatches(
      producer,
      [coachId, ...mentees].map((userId) => userCreated(tenantId, userId)),
    );
    await until(async () => (await db.collection('recipients').countDocuments({ tenantId })) >= events + 2);
    say(
      `   ${events + 1} recipients known to ${instances} instance(s); putting ${events} assignment.created on Kafka`,
    );
    const started = Date.now();
    const cpuBefore = snapshotCpu(infraDir());
    const burstEvents = mentees.map((menteeId) => assignmentCreated(tenantId, menteeId, coachId));
    await produceInBatches(producer, burstEvents);
    const deliveries = db.collection<DeliveryStatus>('deliveries');
    await untilNonePending(
      deliveries,
      plannedDeliveries(burstEvents).map((delivery) => delivery.id),
    );
    const seconds = (Date.now() - started) / 1000;
    const mails = await deliveries.countDocuments({ tenantId, status: 'sent' });
    const cpuMsPerMail = perMail(cpuBefore, mails);
    const coachMails = await deliveries.countDocuments({ tenantId, status: 'sent', recipientId: coachId });
    await db.dropDatabase();
    return { mails, seconds, perSecond: mails / seconds, coachMails, cpuMsPerMail };
  } finally {
    await running.stop();
  }
}

/** The phases named after `--only` (every one without it). */
function phasesOption(): Set<string> {
  const at = process.argv.indexOf('--only');
  const named = at >= 0 ? (process.argv[at + 1] ?? '').split(',').filter(Boolean) : ['a', 'b', 'c'];
  if (named.length === 0 || named.some((phase) => !['a', 'b', 'c'].includes(phase)))
    throw new Error('--only takes phases among a, b and c, e.g. --only a,c');
  return new Set(named);
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(line);
  const events = numberOption('events', 10_000);
  const phases = phasesOption();
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri || !process.env.KAFKA_BROKERS || !process.env.SMTP_URL)
    throw new Error(
      'No infrastructure: run it with `npm run bench:mail`, or set KAFKA_BROKERS, MONGODB_URI and SMTP_URL.',
    );
  const kafka = createKafka(
    { brokers: brokersFromEnv(process.env), clientId: 'bench-mail' },
    createLogger('bench', { level: 'warn' }),
  );
  const producer = new EventProducer(kafka);
  await producer.connect();
  const mongo = await MongoClient.connect(mongoUri);
  try {
    await clearMailDev();
    say(
      `0. the mail server: ${events * 2} short mails from a plain client, ${CLIENT_CONNECTIONS} pooled connections`,
    );
    const short = await mailServerCeiling(events * 2, 'short');
    say(`   ${short.seconds.toFixed(1)} s, ${Math.round(short.perSecond)} mails/s; ${cpuWords(short)}`);
    await clearMailDev();
    say(`0'. the same with the platform's own mails (as its templates render them)`);
    const ceiling = await mailServerCeiling(events * 2, 'platform');
    say(`   ${ceiling.seconds.toFixed(1)} s, ${Math.round(ceiling.perSecond)} mails/s; ${cpuWords(ceiling)}`);
    await clearMailDev();
    say(`0''. the same, by chunks of ${DISPATCH_CHUNK}, with the database writes each mail needs`);
    const floorDb = mongo.db(`bench-mail-floor-${uniqueSuffix()}`);
    const floor = await mailServerCeiling(events * 2, 'platform', await deliveryFloor(floorDb)).finally(() =>
      floorDb.dropDatabase(),
    );
    say(`   ${floor.seconds.toFixed(1)} s, ${Math.round(floor.perSecond)} mails/s; ${cpuWords(floor)}`);
    await clearMailDev();
    const ratio = (timed: Timed) => (timed.perSecond / ceiling.perSecond).toFixed(2);
    let one: Burst | undefined;
    if (phases.has('a')) {
      say(`a. ${events} assignment.created into one notifications instance, digests off`);
      one = await burst(producer, mongo, events, 1, DIGESTS_OFF, say);
      say(
        `   ${one.mails} mails in ${one.seconds.toFixed(1)} s, ${Math.round(one.perSecond)} mails/s, ${ratio(one)} of the ceiling; ${cpuWords(one)}`,
      );
      await clearMailDev();
    }
    const window = DEFAULT_DIGEST_SETTINGS.windowMs / 1000;
    let digested: Burst | undefined;
    if (phases.has('b')) {
      say(`b. the same with the coach digest (its defaults: a ${window} s window)`);
      digested = await burst(producer, mongo, events, 1, {}, say);
      say(
        `   ${digested.mails} mails (${digested.coachMails} to the coach) in ${digested.seconds.toFixed(1)} s`,
      );
      await clearMailDev();
    }
    let three: Burst | undefined;
    if (phases.has('c')) {
      say(`c. as a, into three instances`);
      three = await burst(producer, mongo, events, 3, DIGESTS_OFF, say);
      say(
        `   ${three.mails} mails in ${three.seconds.toFixed(1)} s, ${Math.round(three.perSecond)} mails/s, ${ratio(three)} of the ceiling; ${cpuWords(three)}`,
      );
      await clearMailDev();
    }
    if (!one || !digested || !three) {
      say('not every phase ran: docs/benchmarks.md is left as it is');
      return;
    }
    const lines = [
      '## Notifications: a burst of mails',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:mail\` (\`bench/notifications-mail.bench.ts\`) on this machine,`,
      `every figure of one run: ${events} \`assignment.created\` events of one coach and ${events} mentees (${events * 2} mails),`,
      'put on Kafka at once after the recipients are known; the clock runs from the first event until the last',
      'delivery is recorded as sent (accepted by MailDev). Digests off in a and c. Defaults:',
      `\`DELIVERY_SENDER_BATCH_SIZE=${new NotificationsEnv().DELIVERY_SENDER_BATCH_SIZE}\`, \`DELIVERY_SEND_CONCURRENCY=${CLIENT_CONNECTIONS}\`. The ceiling is MailDev alone, fed by a`,
      `plain pooled client with as many connections, with the very mails the platform sends (0'); 0 shows`,
      "how much faster MailDev takes short mails. Ratios are of 0'.",
      '',
      '| what | mails | seconds | mails/s | of the ceiling | CPU ms per mail: MailDev | CPU ms per mail: everything else |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      `| 0. MailDev alone, a plain client with ${CLIENT_CONNECTIONS} pooled connections, short mails | ${short.mails} | ${short.seconds.toFixed(1)} | ${Math.round(short.perSecond)} | ${ratio(short)} | ${cpuCells(short)} |`,
      `| 0'. MailDev alone, the same client, the platform's own mails | ${ceiling.mails} | ${ceiling.seconds.toFixed(1)} | ${Math.round(ceiling.perSecond)} | 1.00 | ${cpuCells(ceiling)} |`,
      `| 0''. the same, by chunks of ${DISPATCH_CHUNK}, with the database writes each mail needs | ${floor.mails} | ${floor.seconds.toFixed(1)} | ${Math.round(floor.perSecond)} | ${ratio(floor)} | ${cpuCells(floor)} |`,
      `| a. one notifications instance | ${one.mails} | ${one.seconds.toFixed(1)} | ${Math.round(one.perSecond)} | ${ratio(one)} | ${cpuCells(one)} |`,
      `| b. one instance, coach digest on (${window} s window, threshold ${DEFAULT_DIGEST_SETTINGS.threshold}): ${digested.coachMails} mail(s) to the coach | ${digested.mails} | ${digested.seconds.toFixed(1)} | ${Math.round(digested.perSecond)} | ${ratio(digested)} | ${cpuCells(digested)} |`,
      `| c. three instances, one database and consumer group | ${three.mails} | ${three.seconds.toFixed(1)} | ${Math.round(three.perSecond)} | ${ratio(three)} | ${cpuCells(three)} |`,
      '',
      `CPU per mail is each process's CPU time (user and system, from /proc) over the phase, divided by`,
      `the mails sent: MailDev's own, and everything else (the plain client for 0 and 0', with the database stand-in for 0''; the notifications`,
      `instances, the database stand-in, the broker and the benchmark for a, b and c). The ${cores} cores serve`,
      `them all at once, so no phase can beat ${cores} × 1000 / (all its CPU ms per mail) mails/s: ${cpuBound(ceiling)}`,
      `for 0', ${cpuBound(one)} for a, ${cpuBound(three)} for c. The benchmark waits for the last mail by`,
      'reading the deliveries of the burst by `_id`, 50 at a time from the first one still pending',
      '(until 2026-12-03 it counted the pending ones with a filter four times a second, which scanned',
      "every delivery and took a third of the stand-in's CPU from the platform).",
      '',
      `0'' is the least any sender of these mails can do on this machine: the same client and mails, by chunks of`,
      `${DISPATCH_CHUNK} with ${CLIENT_CONNECTIONS} in flight as the platform's sender, and around each chunk the database writes that`,
      'sending each mail once needs (NO-2): its delivery inserted before it is sent (under the natural-key',
      'unique index), marked sent with its `delivery.sent` event after (a bulk of updates by `_id`), and the',
      'event removed once published (a bulk `$pull`). No Kafka, no claim, no read (`bench/notifications/delivery-floor.ts`).',
      'The platform does these and more: it consumes the events from Kafka, claims each chunk (so that',
      'several instances never send a mail twice), reads the recipients and their preferences, and publishes the events.',
      `Those writes alone took the same client from ${Math.round(ceiling.perSecond)} to ${Math.round(floor.perSecond)} mails/s (${ratio(floor)} of the ceiling).`,
      '',
      'Per batch of due mails the sender reads the tenants with due mail and their oldest due',
      `deliveries (on the local stand-in each read scans the deliveries), then per chunk of ${DISPATCH_CHUNK} one`,
      'claim (a bulk of compare-and-sets by `_id`), one read of the recipients and preferences, the',
      'mails in parallel, and one bulk write that records the sent ones with their events.',
      '',
      "With the digest, the coach's mails wait for the window to close; the first one to close",
      "forms the digest of every coach mail recorded by then, so b's time is bounded below by the window",
      'and the coach gets one mail for the burst (more if recording it takes longer than the window).',
      '',
    ];
    say(`\n${await writeBenchmarkSection(repoRoot, 'notifications', lines)}\n`);
    say('wrote docs/benchmarks.md (notifications section)');
  } finally {
    await producer.disconnect();
    await mongo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
