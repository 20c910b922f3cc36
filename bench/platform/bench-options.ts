/** The rows of the table besides the engine's ceiling, which is always measured first. */
export const PLATFORM_ROWS = ['a', 'b', 'c'] as const;
export type PlatformRow = (typeof PLATFORM_ROWS)[number];

export const ENGINES = ['memory', 'h2'] as const;
export type Engine = (typeof ENGINES)[number];

/** What one invocation of the platform benchmark does. */
export interface BenchOptions {
  /** The MongoDB stand-in's backend the infrastructure must run; null takes whichever it runs. */
  engine: Engine | null;
  /** Which of (a), (b), (c) to run. */
  only: PlatformRow[];
  /** Numbers of members for (a) and (b). */
  sizes: number[];
  /** Members added one at a time for (c). */
  latencySamples: number;
  /** Groups the members of (a) are spread over. */
  groups: number;
  /** Documents of the engine's bulk ceiling (i) and of its single-upsert ceiling (ii). */
  ceilingBulkDocs: number;
  ceilingSingleDocs: number;
  /** Deadline of each phase (a seeding, a measurement, a set of latency samples). */
  deadlineMs: number;
  /** How often (a) and (b) look at the databases while they wait. */
  pollMs: number;
  /** How often (c) looks for the one assignment it waits for. */
  latencyPollMs: number;
  /** First of the platform's five ports: gateway, identity, coaching, learning, notifications. */
  basePort: number;
  /** Write docs/benchmarks.md from this invocation's results. */
  writeDocs: boolean;
  /** Keep the databases of each phase instead of dropping them once measured. */
  keepData: boolean;
  /** Regenerate the table and docs/benchmarks.md from a saved results file, measure nothing. */
  reportFrom: string | null;
}

export const USAGE = `usage: npm run bench -- [options]   (or node dist/bench/platform.bench.js [options])
  --engine memory|h2        MongoDB stand-in backend; scripts/bench.sh starts infrastructure of the
                            benchmark's own with it (default memory)
  --only a,b,c              rows to run besides the engine's ceiling (default a,b,c)
  --sizes <n,n,...>         members for (a) and (b) (default 10000,100000)
  --latency-samples <n>     members added one at a time for (c) (default 1000)
  --groups <n>              groups the members of (a) are spread over (default 4)
  --ceiling-docs <n,n>      documents of the engine's bulk and single-upsert ceilings (default 20000,2000)
  --deadline-s <s>          deadline of each phase (default 900)
  --poll-ms <ms>            how often (a) and (b) look at the databases (default 200)
  --latency-poll-ms <ms>    how often (c) looks for its assignment (default 2)
  --base-port <port>        first of the platform's five ports (default 14000)
  --no-docs                 do not write docs/benchmarks.md
  --keep-data               keep each phase's databases
  --report <file>           rewrite the table and docs/benchmarks.md from a saved results file`;

const DEFAULTS: BenchOptions = {
  engine: null,
  only: [...PLATFORM_ROWS],
  sizes: [10_000, 100_000],
  latencySamples: 1_000,
  groups: 4,
  ceilingBulkDocs: 20_000,
  ceilingSingleDocs: 2_000,
  deadlineMs: 900_000,
  pollMs: 200,
  latencyPollMs: 2,
  basePort: 14_000,
  writeDocs: true,
  keepData: false,
  reportFrom: null,
};

/** Parses the command line; returns an error message for anything it does not understand. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | string {
  const options: BenchOptions = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new OptionError(`${name} needs a value`);
      i++;
      return next;
    };
    try {
      switch (name) {
        case '--engine':
          options.engine = oneOf(name, value(), ENGINES);
          break;
        case '--only':
          options.only = [
            ...new Set(
              value()
                .split(',')
                .map((row) => oneOf(name, row.trim(), PLATFORM_ROWS)),
            ),
          ];
          break;
        case '--sizes':
          options.sizes = value()
            .split(',')
            .map((part) => integer(name, part.trim(), 1, 1_000_000));
          break;
        case '--latency-samples':
          options.latencySamples = integer(name, value(), 1, 100_000);
          break;
        case '--groups':
          options.groups = integer(name, value(), 1, 100);
          break;
        case '--ceiling-docs': {
          const [bulk, single] = value().split(',');
          options.ceilingBulkDocs = integer(name, bulk ?? '', 500, 1_000_000);
          options.ceilingSingleDocs = integer(name, single ?? String(DEFAULTS.ceilingSingleDocs), 1, 100_000);
          break;
        }
        case '--deadline-s':
          options.deadlineMs = integer(name, value(), 5, 86_400) * 1_000;
          break;
        case '--poll-ms':
          options.pollMs = integer(name, value(), 10, 10_000);
          break;
        case '--latency-poll-ms':
          options.latencyPollMs = integer(name, value(), 1, 1_000);
          break;
        case '--base-port':
          options.basePort = integer(name, value(), 1_024, 65_530);
          break;
        case '--no-docs':
          options.writeDocs = false;
          break;
        case '--keep-data':
          options.keepData = true;
          break;
        case '--report':
          options.reportFrom = value();
          break;
        default:
          return `unknown option ${name}\n${USAGE}`;
      }
    } catch (error) {
      if (error instanceof OptionError) return `${error.message}\n${USAGE}`;
      throw error;
    }
  }
  return options;
}

class OptionError extends Error {}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === raw);
  if (found === undefined) throw new OptionError(`${name} takes ${allowed.join(', ')}, got "${raw}"`);
  return found;
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (raw === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new OptionError(`${name} takes integers from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
