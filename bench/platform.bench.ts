import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { describeMachine, mongoBackend } from './platform/machine-info';
import { parseBenchOptions, USAGE, type BenchOptions } from './platform/bench-options';
import { bothDone, type BenchResults } from './platform/bench-results';
import type { PhaseContext } from './platform/bench-platform';
import { benchmarksDocument } from './platform/benchmarks-document';
import { measureEngineCeiling } from './platform/engine-ceiling';
import { measureGroupAssignmentThroughput } from './platform/group-assignment-throughput';
import { infraFromEnv } from './platform/infra-env';
import { measureMembershipLatency } from './platform/membership-latency';
import { measureProjectionThroughput } from './platform/projection-throughput';
import { resultsTable } from './platform/results-table';

/**
 * The platform benchmark: the database engine's ceiling, then (a) membership events into
 * coaching's projection, (b) a group assignment's fan-out and (c) one membership's latency to
 * its assignment, each on a platform of its own against the local infrastructure.
 *
 *   npm run bench -- [--engine memory|h2] [--sizes 10000,100000] [--latency-samples 1000] [--only a,b,c]
 *
 * Prints a table, saves the results as JSON next to the infrastructure's state and rewrites
 * docs/benchmarks.md. Exits 1 when a phase failed or hit its deadline, 2 on bad arguments or
 * environment.
 */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseBenchOptions(argv);
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const repoRoot = findRepoRoot(__dirname);
  if (options.reportFrom) {
    await publish(JSON.parse(readFileSync(options.reportFrom, 'utf8')) as BenchResults, repoRoot, options);
    return 0;
  }
  const infra = infraFromEnv(process.env, repoRoot);
  if (typeof infra === 'string') {
    console.error(`${infra}\n${USAGE}`);
    return 2;
  }
  const engine = mongoBackend(repoRoot, infra.infraDir);
  if (options.engine && engine !== options.engine) {
    console.error(
      `--engine ${options.engine} asked for, but the MongoDB server given runs the ${engine} backend`,
    );
    return 2;
  }
  // Each phase's platform uses new consumer groups: they start from the newest offsets, so that
  // the events of earlier runs and tests on the same broker are not replayed into it.
  process.env.KAFKA_CONSUMER_FROM_BEGINNING = 'false';
  const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  const running = new Set<() => Promise<void>>();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the platform`);
      void Promise.allSettled([...running].map((stop) => stop())).then(() => process.exit(130));
    });
  }
  const context: PhaseContext = {
    kafka: new Kafka({ clientId: 'platform-bench', brokers: infra.brokers, logLevel: logLevel.WARN }),
    mongoUri: infra.mongoUri,
    repoRoot,
    logRoot: path.join(infra.infraDir, 'logs'),
    basePort: options.basePort,
    deadlineMs: options.deadlineMs,
    pollMs: options.pollMs,
    latencyPollMs: options.latencyPollMs,
    keepData: options.keepData,
    infraDir: infra.infraDir,
    log,
    track: (stop) => {
      running.add(stop);
      return () => running.delete(stop);
    },
  };
  // Described before the runs: the code they measure is the code built now.
  const machine = describeMachine(repoRoot, infra.infraDir);

  log(`(0) the engine's ceiling (${engine} backend)`);
  const ceiling = await measureEngineCeiling(
    infra.mongoUri,
    {
      bulkDocs: options.ceilingBulkDocs,
      singleDocs: options.ceilingSingleDocs,
      deadlineMs: options.deadlineMs,
      keepData: options.keepData,
    },
    log,
  );
  const results: BenchResults = {
    command: ['npm run bench --', ...(options.engine ? [] : [`--engine ${engine}`]), ...argv].join(' '),
    finishedAt: '',
    engine,
    deadlineMs: options.deadlineMs,
    pollMs: options.pollMs,
    latencyPollMs: options.latencyPollMs,
    machine,
    ceiling,
    projection: [],
    groupAssignment: [],
    latency: null,
  };
  if (options.only.includes('a')) {
    for (const members of options.sizes) {
      results.projection.push(await measureProjectionThroughput(members, options.groups, context));
    }
  }
  if (options.only.includes('b')) {
    for (const members of options.sizes) {
      results.groupAssignment.push(await measureGroupAssignmentThroughput(members, context));
    }
  }
  if (options.only.includes('c'))
    results.latency = await measureMembershipLatency(options.latencySamples, context);
  results.finishedAt = new Date().toISOString();

  const saved = save(results, infra.infraDir);
  console.log(`\nresults saved to ${path.relative(repoRoot, saved)}`);
  await publish(results, repoRoot, options);
  return complete(results) ? 0 : 1;
}

function complete(results: BenchResults): boolean {
  const { ceiling, latency } = results;
  return (
    ceiling.error === null &&
    ceiling.bulk?.ms != null &&
    ceiling.single?.ms != null &&
    ceiling.outboxed?.ms != null &&
    results.projection.every((run) => run.error === null && run.projection?.ms != null) &&
    results.groupAssignment.every(
      (run) => run.error === null && bothDone(run.stored, run.events)?.ms != null,
    ) &&
    (latency === null || (latency.error === null && latency.incomplete === null))
  );
}

async function publish(results: BenchResults, repoRoot: string, options: BenchOptions): Promise<void> {
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  console.log(`\n${await formatted(resultsTable(results), file)}`);
  if (!options.writeDocs) return;
  writeFileSync(file, await formatted(benchmarksDocument(results) + otherSections(file), file));
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}

/**
 * The sections other benchmarks keep in the same document (between `<!-- name:start -->` and
 * `<!-- name:end -->`), carried over as they are.
 */
function otherSections(file: string): string {
  if (!existsSync(file)) return '';
  const sections = readFileSync(file, 'utf8').match(/<!-- ([\w-]+):start -->[\s\S]*?<!-- \1:end -->/g) ?? [];
  return sections.map((section) => `\n\n${section}\n`).join('');
}

/** Markdown as the repository's Prettier settings lay it out (tables aligned), where Prettier is installed. */
async function formatted(markdown: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(markdown, { ...config, filepath: file });
  } catch {
    return markdown;
  }
}

function save(results: BenchResults, infraDir: string): string {
  const dir = path.join(infraDir, 'bench');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = path.join(dir, `platform-${results.finishedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'platform-latest.json'), json);
  return file;
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
