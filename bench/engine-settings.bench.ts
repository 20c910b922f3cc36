import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, type AnyBulkWriteOperation } from 'mongodb';

/**
 * Settings of the local MongoDB stand-in (infra/mongo/MongoLauncher.java) compared on one
 * write-heavy workload: bulk upserts on `_id`, then rounds of updates of every document.
 * Each setting gets a server of its own on a free port and a new H2 file in a temporary
 * folder; after the workload the server is stopped and started again on the same file, to
 * show the file size a restart leaves.
 *
 *   npx ts-node --transpile-only bench/engine-settings.bench.ts [--docs 20000] [--batch 500] [--rounds 3]
 *
 * Needs Java 17 and the classpath infra/up.sh resolved (any .infra/<dir>/mongo/classpath-*.txt
 * for the current infra/mongo/pom.xml); without one it asks Maven. Prints a Markdown table.
 */

interface Setting {
  readonly name: string;
  readonly backend: 'memory' | 'h2';
  readonly oplog: 'on' | 'off';
  readonly compact: 'on' | 'off';
}

const SETTINGS: readonly Setting[] = [
  { name: 'memory, oplog on', backend: 'memory', oplog: 'on', compact: 'off' },
  { name: 'memory, oplog off', backend: 'memory', oplog: 'off', compact: 'off' },
  { name: 'h2, oplog on, compact off', backend: 'h2', oplog: 'on', compact: 'off' },
  { name: 'h2, oplog off, compact off', backend: 'h2', oplog: 'off', compact: 'off' },
  { name: 'h2, oplog on, compact on', backend: 'h2', oplog: 'on', compact: 'on' },
  { name: 'h2, oplog off, compact on', backend: 'h2', oplog: 'off', compact: 'on' },
];

interface Options {
  readonly docs: number;
  readonly batch: number;
  readonly rounds: number;
}

interface Result {
  readonly setting: Setting;
  readonly upsertMs: number;
  readonly updateMs: number;
  readonly rssMb: number | undefined;
  readonly fileMb: number | undefined;
  readonly fileAfterRestartMb: number | undefined;
  readonly startAfterRestartMs: number | undefined;
  readonly countAfterRestart: number | undefined;
}

const repoRoot = path.resolve(__dirname, '..');
const launcher = path.join(repoRoot, 'infra/mongo/MongoLauncher.java');

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const classpath = resolveClasspath();
  const workDir = mkdtempSync(path.join(tmpdir(), 'engine-settings-'));
  const results: Result[] = [];
  try {
    for (const setting of SETTINGS) {
      results.push(await measure(setting, options, classpath, workDir));
      console.error(`done: ${setting.name}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(table(results, options));
  return 0;
}

async function measure(
  setting: Setting,
  options: Options,
  classpath: string,
  workDir: string,
): Promise<Result> {
  const file = path.join(workDir, `${setting.name.replace(/[^a-z0-9]+/g, '-')}.mv`);
  const first = await startServer(setting, classpath, file);
  let upsertMs: number;
  let updateMs: number;
  let rssMb: number | undefined;
  try {
    const client = await MongoClient.connect(first.uri, { directConnection: true });
    try {
      const collection = client.db('bench').collection<BenchDocument>('assignments');
      let started = performance.now();
      for (let from = 0; from < options.docs; from += options.batch) {
        const ops: AnyBulkWriteOperation<BenchDocument>[] = [];
        for (let i = from; i < Math.min(from + options.batch, options.docs); i++) {
          const doc = benchDocument(i);
          ops.push({ updateOne: { filter: { _id: doc._id }, update: { $set: doc }, upsert: true } });
        }
        await collection.bulkWrite(ops, { ordered: false });
      }
      upsertMs = performance.now() - started;
      started = performance.now();
      for (let round = 1; round <= options.rounds; round++) {
        for (let from = 0; from < options.docs; from += options.batch) {
          const ops: AnyBulkWriteOperation<BenchDocument>[] = [];
          for (let i = from; i < Math.min(from + options.batch, options.docs); i++) {
            ops.push({
              updateOne: {
                filter: { _id: `a-${i}` },
                update: {
                  $set: { status: round % 2 ? 'ended' : 'active', updatedAt: new Date() },
                  $inc: { version: 1 },
                },
              },
            });
          }
          await collection.bulkWrite(ops, { ordered: false });
        }
      }
      updateMs = performance.now() - started;
    } finally {
      await client.close();
    }
    // MVStore commits in the background about once a second.
    await sleep(2000);
    rssMb = rssOf(first.process.pid);
  } finally {
    await stopServer(first.process);
  }
  if (setting.backend === 'memory') {
    return {
      setting,
      upsertMs,
      updateMs,
      rssMb,
      fileMb: undefined,
      fileAfterRestartMb: undefined,
      startAfterRestartMs: undefined,
      countAfterRestart: undefined,
    };
  }
  const fileMb = sizeMb(file);
  const restarted = await startServer(setting, classpath, file);
  let countAfterRestart: number;
  try {
    const client = await MongoClient.connect(restarted.uri, { directConnection: true });
    try {
      countAfterRestart = await client.db('bench').collection('assignments').countDocuments();
    } finally {
      await client.close();
    }
  } finally {
    await stopServer(restarted.process);
  }
  return {
    setting,
    upsertMs,
    updateMs,
    rssMb,
    fileMb,
    fileAfterRestartMb: sizeMb(file),
    startAfterRestartMs: restarted.startMs,
    countAfterRestart,
  };
}

interface BenchDocument {
  _id: string;
  tenantId: number;
  coachId: string;
  menteeId: string;
  groupId: string;
  status: string;
  roles: string[];
  note: string;
  version: number;
  updatedAt: Date;
}

/** About the size of an individual coach assignment. */
function benchDocument(i: number): BenchDocument {
  return {
    _id: `a-${i}`,
    tenantId: 1000,
    coachId: `0190c0de-0000-7000-8000-${String(i % 50).padStart(12, '0')}`,
    menteeId: `0190c0de-0000-7000-9000-${String(i).padStart(12, '0')}`,
    groupId: `0190c0de-0000-7000-a000-${String(i % 200).padStart(12, '0')}`,
    status: 'active',
    roles: ['learner'],
    note: 'x'.repeat(200),
    version: 0,
    updatedAt: new Date(),
  };
}

interface Server {
  readonly process: ChildProcess;
  readonly uri: string;
  readonly startMs: number;
}

async function startServer(setting: Setting, classpath: string, file: string): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    'java',
    [
      '-Xmx1g',
      '-XX:+UseSerialGC',
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-cp',
      classpath,
      launcher,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--backend',
      setting.backend === 'h2' ? `h2:${file}` : 'memory',
      '--oplog',
      setting.oplog,
      '--h2-compact',
      setting.compact,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the launcher exited with ${code}:\n${output}`)));
  });
  return { process: child, uri: `mongodb://127.0.0.1:${port}`, startMs: performance.now() - started };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** The classpath up.sh cached for the current POM, else one resolved by Maven now. */
function resolveClasspath(): string {
  const pom = path.join(repoRoot, 'infra/mongo/pom.xml');
  const hash = createHash('sha256').update(readFileSync(pom)).digest('hex').slice(0, 16);
  const infraDirs = [process.env.INFRA_DIR, path.join(repoRoot, '.infra')].filter((d): d is string => !!d);
  const candidates: string[] = [];
  for (const dir of infraDirs) {
    candidates.push(path.join(dir, 'mongo', `classpath-${hash}.txt`));
    if (existsSync(dir)) {
      for (const sub of readdirSync(dir))
        candidates.push(path.join(dir, sub, 'mongo', `classpath-${hash}.txt`));
    }
  }
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const classpath = readFileSync(candidate, 'utf8').trim();
    if (classpath.split(':').every((jar) => existsSync(jar))) return classpath;
  }
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'engine-settings-cp-')), 'classpath.txt');
  const maven = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      pom,
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath',
      '-Dmdep.includeScope=runtime',
      `-Dmdep.outputFile=${out}`,
    ],
    { stdio: 'inherit' },
  );
  if (maven.status !== 0) throw new Error('Maven could not resolve the classpath of infra/mongo/pom.xml');
  return readFileSync(out, 'utf8').trim();
}

function rssOf(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function sizeMb(file: string): number | undefined {
  return existsSync(file) ? statSync(file).size / 1e6 : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseOptions(argv: readonly string[]): Options {
  const values: Record<string, number> = { docs: 20_000, batch: 500, rounds: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!name || !(name in values) || !Number.isInteger(value) || value <= 0) {
      throw new Error(`usage: engine-settings.bench.ts [--docs N] [--batch N] [--rounds N]; bad: ${argv[i]}`);
    }
    values[name] = value;
  }
  return { docs: values.docs, batch: values.batch, rounds: values.rounds };
}

function table(results: readonly Result[], options: Options): string {
  const n = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));
  const lines = [
    `${options.docs} upserts (batches of ${options.batch}), then ${options.rounds} rounds updating every document`,
    '',
    '| setting | upserts ms | updates ms | JVM RSS MB | H2 file MB | H2 file after restart MB | restart ms | docs after restart |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.setting.name} | ${n(r.upsertMs)} | ${n(r.updateMs)} | ${n(r.rssMb)} | ${n(r.fileMb, 1)} | ` +
        `${n(r.fileAfterRestartMb, 1)} | ${n(r.startAfterRestartMs)} | ${n(r.countAfterRestart)} |`,
    );
  }
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
