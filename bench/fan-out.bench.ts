import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { benchmarksDocument } from './fan-out/benchmarks-document';
import { consoleTable, type FanOutResults } from './fan-out/fan-out-report';
import { parseFanOutOptions, USAGE, type FanOutOptions } from './fan-out/fan-out-options';
import { runFanOut, type RunResult, type RunSpec } from './fan-out/fan-out-run';
import { describeMachine } from './fan-out/machine-info';

/**
 * The fan-out benchmark: group membership → coach assignments → e-mails, on the whole
 * platform started as processes against the local infrastructure.
 *
 *   set -a; . .infra/env; set +a
 *   node dist/bench/fan-out.bench.js [--members 1000,10000] [--mails 1000]
 *
 * Prints a table, saves the results under .infra/bench/ and rewrites docs/benchmarks.md.
 * Exits 1 when a run failed or hit its deadline, 2 on bad arguments or environment.
 */
async function main(argv: readonly string[]): Promise<number> {
  const options = parseFanOutOptions(argv);
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const repoRoot = findRepoRoot(__dirname);
  if (options.reportFrom) {
    const results = JSON.parse(readFileSync(options.reportFrom, 'utf8')) as FanOutResults;
    await publish(results, repoRoot, options);
    return 0;
  }
  const infra = infraFromEnv(process.env);
  if (typeof infra === 'string') {
    console.error(infra);
    return 2;
  }
  // Each run's platform uses new consumer groups: they start from the newest offsets, so that
  // the events of earlier runs and tests on the same broker are not replayed into the run.
  process.env.KAFKA_CONSUMER_FROM_BEGINNING = 'false';
  const kafka = new Kafka({ clientId: 'fan-out-bench', brokers: infra.brokers, logLevel: logLevel.WARN });
  const specs: RunSpec[] = [
    ...options.members.map((members) => ({ members, withMails: false })),
    ...options.mails.map((members) => ({ members, withMails: true })),
  ];
  const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const running = new Set<() => Promise<void>>();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the platform`);
      void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
    });
  }
  // Described before the runs: the code they measure is the code built now.
  const machine = describeMachine(repoRoot);
  const runs: RunResult[] = [];
  for (const spec of specs) {
    runs.push(
      await runFanOut(spec, {
        kafka,
        mongoUri: infra.mongoUri,
        repoRoot,
        basePort: options.basePort,
        timeoutMs: options.timeoutMs,
        pollMs: options.pollMs,
        keepData: options.keepData,
        log,
        track: (stop) => {
          running.add(stop);
          return () => running.delete(stop);
        },
      }),
    );
  }
  const results: FanOutResults = {
    command: ['node dist/bench/fan-out.bench.js', ...argv].join(' '),
    finishedAt: new Date().toISOString(),
    pollMs: options.pollMs,
    timeoutMs: options.timeoutMs,
    machine,
    runs,
  };
  const saved = save(results, repoRoot);
  console.log(`\nresults saved to ${path.relative(repoRoot, saved)}`);
  await publish(results, repoRoot, options);
  return runs.every(complete) ? 0 : 1;
}

function complete(run: RunResult): boolean {
  const measured = [run.fanOutDone, run.assignments, run.events, ...(run.withMails ? [run.mails] : [])];
  return run.error === null && measured.every((m) => m !== null && m.ms !== null);
}

async function publish(results: FanOutResults, repoRoot: string, options: FanOutOptions): Promise<void> {
  console.log(`\n${consoleTable(results)}\n`);
  for (const run of results.runs.filter((r) => r.error)) console.log(`n=${run.members}: ${run.error}`);
  if (!options.writeDocs) return;
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  writeFileSync(file, await formatted(benchmarksDocument(results), file));
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

/** The document as the repository's Prettier settings lay it out, where Prettier is installed. */
async function formatted(markdown: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(markdown, { ...config, filepath: file });
  } catch {
    return markdown;
  }
}

function save(results: FanOutResults, repoRoot: string): string {
  const dir = path.join(repoRoot, '.infra', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `fan-out-${results.finishedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(dir, 'fan-out-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

interface Infra {
  brokers: string[];
  mongoUri: string;
}

/** The local infrastructure's addresses (`.infra/env`); only this machine's loopback address. */
function infraFromEnv(env: NodeJS.ProcessEnv): Infra | string {
  const missing = ['KAFKA_BROKERS', 'MONGODB_URI', 'SMTP_URL'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    return `${missing.join(', ')} not set: start the infrastructure (bash infra/up.sh) and export .infra/env first\n${USAGE}`;
  }
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim());
  const mongoUri = env.MONGODB_URI ?? '';
  const hosts = [
    ...brokers.map((broker) => broker.replace(/:\d+$/, '')),
    hostOf(mongoUri),
    hostOf(env.SMTP_URL ?? ''),
  ];
  const remote = hosts.filter((host) => host !== '127.0.0.1');
  if (remote.length > 0) {
    return `the benchmark only runs against infrastructure on 127.0.0.1, not ${remote.join(', ')}`;
  }
  return { brokers, mongoUri };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function findRepoRoot(from: string): string {
  for (let dir = from; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${from}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
