import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createLogger } from '@lms/observability';
import { writeBenchmarkSection } from './platform/benchmark-section';
import { measureImportFloor } from './platform/import-floor';
import { numberOption } from './platform/number-option';
import { cpuBetween, snapshotCpu } from './platform/process-cpu';
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
 *   npm run bench:import [-- --users 20000] [--heap-mb default,256]
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
  /** CPU milliseconds per row, per process, from the POST until every event is published. */
  cpuMsPerRow: Record<string, number>;
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

  const cpuBefore = snapshotCpu(process.env.INFRA_DIR ?? null);
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
  const cpu = cpuBetween(cpuBefore, snapshotCpu(process.env.INFRA_DIR ?? null));
  const cpuMsPerRow = Object.fromEntries(
    Object.entries(cpu).map(([label, seconds]) => [label, (1_000 * seconds) / users]),
  );
  say(`   CPU ms per row: ${JSON.stringify(cpuMsPerRow)}`);
  return {
    bytes: file.length,
    acceptedMs,
    applied,
    published,
    rowsApplied,
    peakRssBeforeMb,
    peakRssMb: peakRssMb(pid),
    cpuMsPerRow,
  };
}

/** `--heap-mb default,256`: the services' heap settings to compare (`default`: V8's own limit). */
function heapSettings(): string[] {
  const at = process.argv.indexOf('--heap-mb');
  const settings = at >= 0 ? (process.argv[at + 1] ?? '').split(',') : ['default'];
  for (const setting of settings)
    if (setting !== 'default' && !/^[1-9]\d*$/.test(setting))
      throw new Error('--heap-mb takes default or a number of MB, comma-separated');
  return settings;
}

function describeHeap(setting: string): string {
  return setting === 'default' ? "V8's own heap limit" : `SERVICE_HEAP_MB=${setting}`;
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
  say(`the engine alone: ${users} rows written as an import writes them at least`);
  const floor = await measureImportFloor(mongoUri, users, newId());
  say(`   ${floor.seconds.toFixed(1)} s, ${Math.round(floor.perSecond)} rows/s`);
  // One platform per heap setting, one after the other, on the same infrastructure.
  const runs: Array<{ heap: string; figures: ImportFigures }> = [];
  for (const heap of heapSettings()) {
    if (heap === 'default') delete process.env.SERVICE_HEAP_MB;
    else process.env.SERVICE_HEAP_MB = heap;
    say(`services' heap: ${describeHeap(heap)}`);
    const figures = await withBenchPlatform('identity-import', context, (bench) =>
      measure(bench, users, say),
    );
    runs.push({ heap, figures });
  }
  const mb = (value: number | null) => (value === null ? 'not read' : `${value} MB`);
  const row = (what: string, figure: (figures: ImportFigures) => string) =>
    `| ${what} | ${runs.map(({ figures }) => figure(figures)).join(' | ')} |`;
  const processes = [...new Set(runs.flatMap(({ figures }) => Object.keys(figures.cpuMsPerRow)))].filter(
    (label) => runs.some(({ figures }) => (figures.cpuMsPerRow[label] ?? 0) >= 0.005),
  );
  const cpuTotal = (figures: ImportFigures) =>
    Object.values(figures.cpuMsPerRow).reduce((sum, ms) => sum + ms, 0);
  const cores = availableParallelism();
  const first = runs[0]?.figures;
  if (!first) throw new Error('no run');
  const lines = [
    '## Identity: a CSV import of users',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:import${runs.length > 1 ? ` -- --heap-mb ${runs.map((r) => r.heap).join(',')}` : ''}\` (\`bench/identity-import.bench.ts\`) on this machine,`,
    `${users} new users in one file (${(first.bytes / 1024 / 1024).toFixed(1)} MB), each a learner of one group, uploaded straight to identity,`,
    'every service a process, chunks of 500 rows; one platform per heap setting of the services, one after the other.',
    '',
    `The engine alone, the same rows written as an import writes them at least (users and memberships with their outbox entries, in inserts of 500, then the entries removed): ${floor.seconds.toFixed(1)} s, ${Math.round(floor.perSecond)} rows/s.`,
    '',
    `| what | ${runs.map(({ heap }) => describeHeap(heap)).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    row('the upload stored and read through: the 202', (f) => `${f.acceptedMs} ms`),
    row(
      'from the POST until the import is finished (validated, then applied)',
      (f) =>
        `${f.applied.seconds.toFixed(1)} s, ${Math.round(f.applied.perSecond)} rows/s (${(f.applied.perSecond / floor.perSecond).toFixed(2)} of the engine alone)`,
    ),
    row(
      "from the POST until every user's `user.created` is published",
      (f) => `${f.published.seconds.toFixed(1)} s`,
    ),
    row('rows applied', (f) => String(f.rowsApplied)),
    row(
      "identity's peak resident memory (VmHWM): before the upload, after the import",
      (f) => `${mb(f.peakRssBeforeMb)}, ${mb(f.peakRssMb)}`,
    ),
    row(
      'CPU time per row, every process, until every event is published',
      (f) => `${cpuTotal(f).toFixed(2)} ms`,
    ),
    row(
      `rows per second the machine's ${cores} cores allow at that CPU per row`,
      (f) => `${Math.round((cores * 1_000) / cpuTotal(f))}`,
    ),
    ...processes.map((label) =>
      row(`… of which ${label}`, (f) => `${(f.cpuMsPerRow[label] ?? 0).toFixed(2)} ms`),
    ),
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
    'and learning, which all run during the import. The CPU time per row, summed over the processes,',
    "bounds the import: the machine's cores give at most their number of CPU seconds per second.",
    '',
    "Identity's own heap stays small (about 60 MB live after each full collection in a 20,000-row run,",
    'read with `--trace-gc`); without a limit V8 lets garbage pile up between collections, which is',
    'most of the peak. `SERVICE_HEAP_MB` (see the README) limits the old generation: the peak follows',
    'what the service holds, at the CPU the table shows.',
    '',
  ];
  say(`\n${await writeBenchmarkSection(repoRoot, 'identity-import', lines)}\n`);
  say('wrote docs/benchmarks.md (identity-import section)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
