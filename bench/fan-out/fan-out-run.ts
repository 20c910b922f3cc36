import os from 'node:os';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { EventProducer } from '@lms/messaging';
import { ApiClient, startPlatform, uniqueSuffix, type RunningPlatform } from '@lms/testing';
import { AssignmentEventCounter } from './assignment-event-counter';
import { EventSeeder } from './event-seeder';
import { COLLECTIONS, PlatformDatabases } from './platform-databases';
import { pollUntil, withDeadline, type Measurement } from './poll-until';
import { cpuBetween, snapshotCpu } from './process-cpu';

export interface RunSpec {
  members: number;
  /** Every service runs and the e-mails are waited for; else notifications is stopped. */
  withMails: boolean;
}

export interface RunContext {
  kafka: Kafka;
  mongoUri: string;
  repoRoot: string;
  basePort: number;
  timeoutMs: number;
  pollMs: number;
  keepData: boolean;
  log: (line: string) => void;
  /** Makes a running platform known to the signal handler; returns its release. */
  track: (stop: () => Promise<void>) => () => void;
}

/** When the chunks of the fan-out were written, from the assignments' `createdAt` (one per chunk). */
export interface ChunkTimeline {
  /** Milliseconds after the POST at which each chunk was stamped, in order. */
  atMs: number[];
  sizes: number[];
}

/** Milliseconds after the POST at which the first item, a quarter, half, three quarters and all of them were there. */
export interface Timeline {
  first: number;
  p25: number;
  p50: number;
  p75: number;
  last: number;
}

export interface RunResult extends RunSpec {
  tenantId: string;
  startedAt: string;
  /** Where the services' logs of this run are, relative to the repository. */
  logDir: string;
  platformStartMs: number | null;
  /** Events put on the identity topics (users and memberships) and how long that took. */
  seededEvents: number;
  publishMs: number | null;
  /** From the first published event until coaching's projection held every member. */
  projection: Measurement | null;
  /** The same for coaching's user projection and, with e-mails, notifications' recipients. */
  usersProjection: Measurement | null;
  recipientsProjection: Measurement | null;
  /** 1-minute load average when the run started and when the POST was sent. */
  loadAverage: { atStart: number; atPost: number | null };
  postMs: number | null;
  /** (a) the group assignment's fan-out reported done through the API. */
  fanOutDone: Measurement | null;
  /** (b) every individual assignment stored in coaching's database. */
  assignments: Measurement | null;
  /** (c) every `assignment.created` received from Kafka. */
  events: Measurement | null;
  /** (d) every delivery (mentee and coach per member) sent. */
  mails: Measurement | null;
  /** When the `assignment.created` events arrived at the benchmark's consumer. */
  eventTimeline: Timeline | null;
  duplicateEvents: number;
  chunks: ChunkTimeline | null;
  /** When the deliveries were sent (their `sentAt`). */
  mailTimeline: Timeline | null;
  /** From the POST until the last measurement ended (or its deadline). */
  measuredMs: number | null;
  /** CPU seconds each process used over `measuredMs` (Linux). */
  cpuSeconds: Record<string, number> | null;
  deliveriesByStatus: Record<string, number> | null;
  /**
   * What the API lists for the group assignment after the run: `exactly N` when the page at
   * offset N − 1 of GET /api/v1/coaching/assignments?groupAssignmentId=… holds one item and
   * is the last page.
   */
  apiCheck?: string;
  error: string | null;
}

interface GroupAssignmentView {
  id: string;
  fanOut: { status: string; processed: number };
}

interface PageView {
  items: unknown[];
  nextOffset?: number | null;
  total?: number;
}

/**
 * One measured run on a platform of its own (fresh databases and consumer groups, which start
 * from the newest offsets so that nothing of earlier runs is replayed):
 * seed a group of `members` learners and a coach through identity's topics, wait until
 * coaching knows them, POST a group assignment through the gateway and time what follows.
 */
export async function runFanOut(spec: RunSpec, context: RunContext): Promise<RunResult> {
  const run = uniqueSuffix();
  const tenantId = `bench-${run}`;
  const logDir = path.join(context.repoRoot, '.infra', 'logs', `platform-bench-${run}`);
  const result: RunResult = {
    ...spec,
    tenantId,
    startedAt: new Date().toISOString(),
    logDir: path.relative(context.repoRoot, logDir),
    platformStartMs: null,
    seededEvents: 0,
    publishMs: null,
    projection: null,
    usersProjection: null,
    recipientsProjection: null,
    loadAverage: { atStart: round(os.loadavg()[0]), atPost: null },
    postMs: null,
    fanOutDone: null,
    assignments: null,
    events: null,
    mails: null,
    eventTimeline: null,
    duplicateEvents: 0,
    chunks: null,
    mailTimeline: null,
    measuredMs: null,
    cpuSeconds: null,
    deliveriesByStatus: null,
    error: null,
  };
  const say = (line: string): void =>
    context.log(`[n=${spec.members}${spec.withMails ? ' +mails' : ''}] ${line}`);

  const platformStartedAt = Date.now();
  say(`starting the platform (tenant ${tenantId}, logs in ${result.logDir})`);
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({ tenantId, basePort: context.basePort, logDir });
  } catch (error) {
    result.error = `the platform did not start: ${message(error)}`;
    return result;
  }
  result.platformStartMs = Date.now() - platformStartedAt;
  const untrack = context.track(() => platform.stop());

  const producer = new EventProducer(context.kafka);
  const counter = new AssignmentEventCounter(context.kafka, tenantId, `bench-fan-out-${run}`);
  let databases: PlatformDatabases | null = null;
  try {
    if (!spec.withMails) await platform.stopService('notifications');
    databases = await PlatformDatabases.connect(context.mongoUri, platform.databases);
    await counter.start(60_000);
    await measure(spec, context, platform, databases, producer, counter, result, say);
  } catch (error) {
    result.error = message(error);
    say(`failed: ${result.error}`);
  } finally {
    await counter.stop();
    await producer.disconnect().catch(() => undefined);
    say('stopping the platform');
    await platform.stop();
    untrack();
    if (databases) {
      if (!context.keepData)
        await databases.dropAll().catch((error: unknown) => say(`could not drop: ${message(error)}`));
      await databases.close().catch(() => undefined);
    }
  }
  return result;
}

async function measure(
  spec: RunSpec,
  context: RunContext,
  platform: RunningPlatform,
  databases: PlatformDatabases,
  producer: EventProducer,
  counter: AssignmentEventCounter,
  result: RunResult,
  say: (line: string) => void,
): Promise<void> {
  const { members } = spec;
  const { tenantId } = result;
  const api = new ApiClient(platform.gatewayUrl, `bench-${tenantId}`);

  // Seeding: identity's events, then wait until the services have applied them.
  const setupStartedAt = Date.now();
  const setupDeadline = setupStartedAt + context.timeoutMs;
  say(`publishing ${members + 1} user.created and ${members} membership.added events`);
  const seeder = new EventSeeder(producer, tenantId, `bench-${tenantId}`);
  const group = await withDeadline(
    'publishing the seed events',
    context.timeoutMs,
    seeder.seedGroup(members, tenantId),
  );
  result.seededEvents = group.events;
  result.publishMs = group.publishMs;
  say(`published ${group.events} events in ${seconds(group.publishMs)}; waiting for the projections`);
  const waitSetup = (
    service: 'coaching' | 'notifications',
    collection: string,
    filter: object,
    target: number,
  ) =>
    pollUntil(
      () => databases.collection(service, collection).countDocuments({ tenantId, ...filter }),
      target,
      {
        startedAt: setupStartedAt,
        deadline: setupDeadline,
        intervalMs: Math.max(context.pollMs, 1_000),
      },
    );
  const [projection, users, recipients] = await Promise.all([
    waitSetup(
      'coaching',
      COLLECTIONS.membershipProjections,
      { groupId: group.groupId, status: 'active' },
      members,
    ),
    waitSetup('coaching', COLLECTIONS.userProjections, {}, members + 1),
    spec.withMails ? waitSetup('notifications', COLLECTIONS.recipients, {}, members + 1) : null,
  ]);
  result.projection = projection;
  result.usersProjection = users;
  result.recipientsProjection = recipients;
  if (projection.ms === null) {
    throw new Error(
      `coaching's membership projection held ${projection.reached} of ${members} members after ${seconds(context.timeoutMs)}`,
    );
  }
  if (users.ms === null)
    throw new Error(`coaching knew ${users.reached} of ${members + 1} users at the deadline`);
  if (recipients && recipients.ms === null) {
    throw new Error(`notifications knew ${recipients.reached} of ${members + 1} recipients at the deadline`);
  }
  say(`coaching holds ${members} active members after ${seconds(projection.ms)}`);

  // The measured part: from the POST on.
  result.loadAverage.atPost = round(os.loadavg()[0]);
  const cpuBefore = snapshotCpu();
  const postedAt = Date.now();
  const groupAssignment = await api.create<GroupAssignmentView>('/api/v1/coaching/group-assignments', {
    groupId: group.groupId,
    roles: ['learner'],
    coachIds: [group.coachId],
  });
  result.postMs = Date.now() - postedAt;
  const deadline = postedAt + context.timeoutMs;
  const poll = { startedAt: postedAt, deadline, intervalMs: context.pollMs };
  const seen = { processed: 0, assignments: 0, mails: 0 };
  let finished = false;
  const progress = setInterval(() => {
    const events = counter.seen(groupAssignment.id);
    const mails = spec.withMails ? `, mails ${seen.mails}/${2 * members}` : '';
    say(
      `${seconds(Date.now() - postedAt)}: fan-out processed ${seen.processed}, assignments ${seen.assignments}/${members}, ` +
        `events ${events}/${members}${mails}`,
    );
  }, 10_000);
  progress.unref();

  const assignments = databases.collection('coaching', COLLECTIONS.assignments);
  const deliveries = databases.collection('notifications', COLLECTIONS.deliveries);
  try {
    const [fanOutDone, stored, eventsAt, mails] = await Promise.all([
      pollUntil(
        async () => {
          const view = await api.get<GroupAssignmentView>(
            `/api/v1/coaching/group-assignments/${groupAssignment.id}`,
          );
          seen.processed = view.fanOut.processed;
          return view.fanOut.status === 'done' ? 1 : 0;
        },
        1,
        poll,
      ),
      // The run's database holds this group assignment's assignments only: the collection's
      // count is exact and, unlike a filtered count, costs the database no scan while it works.
      pollUntil(() => assignments.estimatedDocumentCount(), members, {
        ...poll,
        onValue: (value) => (seen.assignments = value),
      }),
      counter.waitFor(groupAssignment.id, members, deadline),
      spec.withMails
        ? pollUntil(() => deliveries.countDocuments({ tenantId, status: 'sent' }), 2 * members, {
            ...poll,
            onValue: (value) => (seen.mails = value),
          })
        : Promise.resolve(null),
    ]);
    finished = true;
    result.measuredMs = Date.now() - postedAt;
    result.cpuSeconds = cpuBetween(cpuBefore, snapshotCpu());
    result.fanOutDone = fanOutDone;
    result.assignments = stored;
    const events = counter.seen(groupAssignment.id);
    result.events = { ms: eventsAt === null ? null : eventsAt - postedAt, target: members, reached: events };
    result.mails = mails;
  } finally {
    clearInterval(progress);
    if (!finished) say('measurement interrupted');
  }
  const arrivals = counter.arrivals(groupAssignment.id);
  result.eventTimeline = timeline(arrivals, postedAt);
  result.duplicateEvents = counter.duplicates(groupAssignment.id);
  say(
    `fan-out done ${describe(result.fanOutDone)}, assignments ${describe(result.assignments)}, ` +
      `events ${describe(result.events)}${spec.withMails ? `, mails ${describe(result.mails)}` : ''}`,
  );
  await collectEvidence(spec, databases, api, groupAssignment.id, tenantId, postedAt, result);
}

/** What explains the numbers: the chunk timeline, the deliveries' states, the API's own count. */
async function collectEvidence(
  spec: RunSpec,
  databases: PlatformDatabases,
  api: ApiClient,
  groupAssignmentId: string,
  tenantId: string,
  postedAt: number,
  result: RunResult,
): Promise<void> {
  result.apiCheck = await api
    .get<PageView>(
      `/api/v1/coaching/assignments?groupAssignmentId=${groupAssignmentId}&limit=1&offset=${spec.members - 1}`,
    )
    .then((page) => {
      if (typeof page.total === 'number') return `total ${page.total}`;
      if (page.items.length === 0) return `fewer than ${spec.members}`;
      return page.nextOffset === null ? `exactly ${spec.members}` : `more than ${spec.members}`;
    })
    .catch((error: unknown) => `unreadable: ${message(error)}`);

  const stamps = await databases
    .collection('coaching', COLLECTIONS.assignments)
    .find({ tenantId, groupAssignmentId }, { projection: { _id: 0, createdAt: 1 } })
    .toArray();
  const perChunk = new Map<string, number>();
  for (const { createdAt } of stamps)
    perChunk.set(String(createdAt), (perChunk.get(String(createdAt)) ?? 0) + 1);
  const ordered = [...perChunk].sort(([a], [b]) => Date.parse(a) - Date.parse(b));
  result.chunks = {
    atMs: ordered.map(([at]) => Date.parse(at) - postedAt),
    sizes: ordered.map(([, n]) => n),
  };

  if (!spec.withMails) return;
  const byStatus = await databases
    .collection('notifications', COLLECTIONS.deliveries)
    .aggregate<{ _id: string; n: number }>([
      { $match: { tenantId } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ])
    .toArray();
  result.deliveriesByStatus = Object.fromEntries(byStatus.map(({ _id, n }) => [_id, n]));
  const sent = await databases
    .collection('notifications', COLLECTIONS.deliveries)
    .find({ tenantId, status: 'sent' }, { projection: { _id: 0, sentAt: 1 } })
    .toArray();
  const times = sent.map(({ sentAt }) => new Date(sentAt as Date).getTime()).sort((a, b) => a - b);
  result.mailTimeline = timeline(times, postedAt);
}

/** Quartiles of ascending epoch times, relative to `from`. */
function timeline(ascending: readonly number[], from: number): Timeline | null {
  if (ascending.length === 0) return null;
  const at = (fraction: number): number =>
    ascending[Math.max(0, Math.ceil(fraction * ascending.length) - 1)] - from;
  return { first: at(0), p25: at(0.25), p50: at(0.5), p75: at(0.75), last: at(1) };
}

export function seconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}

function describe(measurement: Measurement | null): string {
  if (!measurement) return '-';
  if (measurement.ms !== null) return `after ${seconds(measurement.ms)}`;
  return `timed out at ${measurement.reached}/${measurement.target}${measurement.lastError ? ` (${measurement.lastError})` : ''}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
