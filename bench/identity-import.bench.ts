import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { numberOption } from './platform/number-option';
import { withBenchPlatform, type BenchPlatform } from './platform/bench-platform';
import { singlePhaseContext, timeUntil, type Timed } from './platform/time-until';

/**
 * A CSV import of N new users (ID-I1, ID-I4) at volume, in one run on this machine: the file
 * is uploaded to identity as multipart (straight to the service: the gateway's body limit is
 * for JSON requests), validated and applied by its job, each user created and added to one
 * group as a learner under the rules of a single change (new users in bulk). Measures the upload's
 * answer, the rows per second until the import is finished, the seconds until every user's
 * `user.created` has left the outbox (published), and the identity process's peak resident
 * memory (VmHWM), which must not grow with the file.
 * Prints the figures and writes them into the identity-import section of docs/benchmarks.md.
 *
 *   npm run bench:import [-- --users 20000]
 */
const repoRoot = path.resolve(
  __dirname,
  existsSync(path.join(__dirname, '..', 'package.json')) ? '..' : '../..',
);
const DEADLINE_MS = 30 * 60_000;
const BASE_PORT = 13_800;

/** The process listening on a local TCP port, found through /proc (Linux): the socket's inode, then the fd naming it. */
function pidListeningOn(port: number): number | null {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local address, state 0A (LISTEN), inode
      if (fields[1]?.endsWith(`:${hex}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // gone meanwhile
      }
    }
  }
  return null;
}

/** Peak resident memory of a process, in MB (VmHWM), or null when it cannot be read. */
function peakRssMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** The file: a header, then one learner row per user, all in one group. */
function usersFile(count: number, groupId: string, run: string): Buffer {
  const lines = ['Email,First Name,Last Name,Role,Group ID,Locale,Extra information,Labels'];
  for (let i = 0; i < count; i++)
    lines.push(`bench-${run}-${i}@bench.example.test,Bench,User ${i},3,${groupId},en,COUNTRY=UK,bench`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

function multipart(file: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----bench-import-${Date.now()}`;
  const head = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
  const body = Buffer.concat([
    Buffer.from(`${head('kind')}\r\n\r\nusers\r\n${head('mode')}\r\n\r\nvalid_rows\r\n`),
    Buffer.from(`${head('file')}; filename="users.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function accessToken(bench: BenchPlatform): Promise<string> {
  const response = await fetch(`${bench.platform.gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(bench.platform.admin),
  });
  if (response.status !== 200) throw new Error(`signing in answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface ImportFigures {
  bytes: number;
  acceptedMs: number;
  applied: Timed;
  published: Timed;
  rowsApplied: number;
  peakRssBeforeMb: number | null;
  peakRssMb: number | null;
}

async function measure(
  bench: BenchPlatform,
  users: number,
  say: (line: string) => void,
): Promise<ImportFigures> {
  const identityUrl = `http://127.0.0.1:${BASE_PORT + 1}`;
  const pid = pidListeningOn(BASE_PORT + 1);
  say(`identity listens on ${BASE_PORT + 1} (pid ${pid ?? 'not found'})`);
  const group = await bench.api.create<{ id: string }>('/api/v1/identity/groups', { name: 'Bench import' });
  const file = usersFile(users, group.id, bench.correlationId);
  const { body, contentType } = multipart(file);
  const token = await accessToken(bench);
  const peakRssBeforeMb = peakRssMb(pid);
  say(`uploading ${users} rows (${(file.length / 1024 / 1024).toFixed(1)} MB)`);

  const started = Date.now();
  const response = await fetch(`${identityUrl}/v1/imports`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
  });
  if (response.status !== 202)
    throw new Error(`the upload answered ${response.status}: ${await response.text()}`);
  const acceptedMs = Date.now() - started;
  const { id } = (await response.json()) as { id: string };
  say(`   accepted in ${acceptedMs} ms`);

  let rowsApplied = 0;
  const applied = await timeUntil(
    started,
    users,
    async () => {
      const progress = await fetch(`${identityUrl}/v1/imports/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const state = (await progress.json()) as { state: string; rowsApplied: number; rowsRejected: number };
      if (state.state === 'failed') throw new Error(`the import failed: ${JSON.stringify(state)}`);
      rowsApplied = state.rowsApplied;
      return state.state === 'finished';
    },
    DEADLINE_MS,
  );
  say(
    `   finished after ${applied.seconds.toFixed(1)} s (${Math.round(applied.perSecond)} rows/s), ${rowsApplied} applied`,
  );
  const usersCollection = bench.databases.collection('identity', 'users');
  const published = await timeUntil(
    started,
    users,
    async () => (await usersCollection.countDocuments({ 'outbox.0': { $exists: true } })) === 0,
    DEADLINE_MS,
  );
  say(`   every user.created published after ${published.seconds.toFixed(1)} s`);
  return {
    bytes: file.length,
    acceptedMs,
    applied,
    published,
    rowsApplied,
    peakRssBeforeMb,
    peakRssMb: peakRssMb(pid),
  };
}

async function main(): Promise<void> {
  const say = (line: string): void => console.log(line);
  const users = numberOption('users', 100_000);
  const mongoUri = process.env.MONGODB_URI;
  if (!mongoUri || !process.env.KAFKA_BROKERS)
    throw new Error(
      'No infrastructure: run it with `npm run bench:import`, or set KAFKA_BROKERS and MONGODB_URI.',
    );
  const logger = createLogger('bench', { level: 'warn' });
  const kafka = createKafka(
    { brokers: brokersFromEnv(process.env), clientId: 'bench-identity-import' },
    logger,
  );
  const context = singlePhaseContext({
    kafka,
    mongoUri,
    repoRoot,
    basePort: BASE_PORT,
    deadlineMs: DEADLINE_MS,
    log: say,
  });
  const figures = await withBenchPlatform('identity-import', context, (bench) => measure(bench, users, say));
  const mb = (value: number | null) => (value === null ? 'not read' : `${value} MB`);
  const lines = [
    '## Identity: a CSV import of users',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import\` (\`bench/identity-import.bench.ts\`) on this machine,`,
    `one run, ${users} new users in one file (${(figures.bytes / 1024 / 1024).toFixed(1)} MB), each a learner of one group, uploaded straight to identity,`,
    'every service a process, chunks of 500 rows.',
    '',
    '| what | figure |',
    '| --- | --- |',
    `| the upload stored and read through: the 202 | ${figures.acceptedMs} ms |`,
    `| from the POST until the import is finished (validated, then applied) | ${figures.applied.seconds.toFixed(1)} s, ${Math.round(figures.applied.perSecond)} rows/s |`,
    `| from the POST until every user's \`user.created\` is published | ${figures.published.seconds.toFixed(1)} s |`,
    `| rows applied | ${figures.rowsApplied} |`,
    `| identity's peak resident memory (VmHWM): before the upload, after the import | ${mb(figures.peakRssBeforeMb)}, ${mb(figures.peakRssMb)} |`,
    '',
    'The file goes to GridFS as it arrives and is read a record at a time, twice (validation, then',
    'the valid rows, saved by row, are applied): the service holds a chunk of 500 rows, never the whole',
    'file. Validation looks a user up by email only where a rule asks about it (a state or manager row,',
    'a user row without names), so a file of named users is validated without a query per row; the rows',
    'to apply are read back by `_id` (import and row number). The new users of a chunk are created in one',
    'insert with their `user.created` events, then added to their groups in one insert per group with',
    'their `membership.added` events, under the rules of the single changes (`CreateUsersUseCase`,',
    '`AddNewMembersUseCase`); every other row (an update, a state, a manager, a refusal, a user met',
    'twice in a chunk, a race) goes through the single-change use cases as before. A chunk costs a few',
    'requests instead of about ten per row; the two cores are shared meanwhile by the stand-in (inserts,',
    "the relay's outbox `$pull`s), the broker, and the consumers of these events in identity, coaching",
    'and learning, which all run during the import.',
    '',
  ];
  say(`\n${await writeBenchmarkSection(repoRoot, 'identity-import', lines)}\n`);
  say('wrote docs/benchmarks.md (identity-import section)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
