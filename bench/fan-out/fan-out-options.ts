/** What one invocation of the fan-out benchmark does. */
export interface FanOutOptions {
  /** Group sizes measured with the notifications service stopped (fan-out and events only). */
  members: number[];
  /** Group sizes measured with every service running, until every e-mail is sent. */
  mails: number[];
  /** Deadline of each phase (seeding, then measuring) of each run. */
  timeoutMs: number;
  /** How often the benchmark looks at the API and the databases while it waits. */
  pollMs: number;
  /** First of the platform's ports: gateway, then identity, coaching, learning, notifications. */
  basePort: number;
  /** Write docs/benchmarks.md from this invocation's results. */
  writeDocs: boolean;
  /** Keep the databases of each run instead of dropping them once measured. */
  keepData: boolean;
  /** Regenerate the report from a saved results file instead of measuring. */
  reportFrom: string | null;
}

export const USAGE = `usage: node dist/bench/fan-out.bench.js [options]
  --members <n,n,...>   group sizes, fan-out only, notifications stopped (default 1000,10000)
  --mails <n,n,...>     group sizes with every service, until all 2n e-mails are sent (default 1000);
                        "none" skips
  --timeout-s <s>       deadline of each phase of each run (default 600)
  --poll-ms <ms>        polling interval of the API and the databases (default 500)
  --base-port <port>    first of the platform's five ports (default 14000)
  --no-docs             do not write docs/benchmarks.md
  --keep-data           keep each run's databases
  --report <file>       rewrite docs/benchmarks.md from a saved results file, measure nothing`;

const DEFAULTS: FanOutOptions = {
  members: [1_000, 10_000],
  mails: [1_000],
  timeoutMs: 600_000,
  pollMs: 500,
  basePort: 14_000,
  writeDocs: true,
  keepData: false,
  reportFrom: null,
};

/** Parses the command line; returns an error message for anything it does not understand. */
export function parseFanOutOptions(argv: readonly string[]): FanOutOptions | string {
  const options: FanOutOptions = { ...DEFAULTS };
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
        case '--members':
          options.members = sizes(name, value());
          break;
        case '--mails':
          options.mails = sizes(name, value());
          break;
        case '--timeout-s':
          options.timeoutMs = integer(name, value(), 10, 7_200) * 1_000;
          break;
        case '--poll-ms':
          options.pollMs = integer(name, value(), 50, 10_000);
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
  if (options.members.length + options.mails.length === 0) return `nothing to measure\n${USAGE}`;
  return options;
}

class OptionError extends Error {}

function sizes(name: string, raw: string): number[] {
  if (raw === 'none') return [];
  return raw.split(',').map((part) => integer(name, part.trim(), 1, 100_000));
}

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionError(`${name} takes integers from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
