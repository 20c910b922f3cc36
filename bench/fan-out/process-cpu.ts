import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) used so far, per process of the platform and its infrastructure. */
export type CpuSnapshot = Map<string, number>;

/** Which process is which: the services are the benchmark's children, the rest is found by command line. */
const INFRA_PATTERNS: Array<[string, RegExp]> = [
  ['mongo (java)', /MongoLauncher/],
  ['kafka (java)', /kafka\.Kafka\b/],
  ['maildev', /maildev/],
];

const SERVICE_MAIN = /dist\/apps\/([a-z-]+)\/src\/main\.js/;

let ticksPerSecond: number | null = null;

/**
 * Reads /proc (Linux only; empty elsewhere): the CPU time of each platform service started by
 * this process, of the local broker, database and MailDev, and of the benchmark itself.
 */
export function snapshotCpu(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  if (!existsSync('/proc/self/stat')) return snapshot;
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const cmdline = read(`/proc/${entry}/cmdline`)?.replace(/\0/g, ' ');
    if (!stat || !cmdline) continue;
    // Fields after the command name in parentheses: state, ppid, ..., utime (14th), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    const service = ppid === process.pid ? SERVICE_MAIN.exec(cmdline)?.[1] : undefined;
    const label = service ?? INFRA_PATTERNS.find(([, pattern]) => pattern.test(cmdline))?.[0];
    if (label) snapshot.set(label, (snapshot.get(label) ?? 0) + seconds);
  }
  const own = process.cpuUsage();
  snapshot.set('benchmark', (own.user + own.system) / 1e6);
  return snapshot;
}

/** CPU seconds used between two snapshots, per process, rounded to 0.1 s. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [label, seconds] of after) {
    const delta = seconds - (before.get(label) ?? 0);
    used[label] = Math.round(delta * 10) / 10;
  }
  return used;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
