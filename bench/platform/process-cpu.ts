import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** CPU seconds (user + system) used so far, per process of the platform and its infrastructure. */
export type CpuSnapshot = Map<string, number>;

/**
 * Which process is which: the services are the benchmark's children; the infrastructure's
 * processes are those named by the pid files of its folder (`INFRA_DIR`, see infra/up.sh) when
 * there are any, else found by command line (then every such process on the machine counts).
 */
const INFRA_PARTS: Array<[string, string, RegExp]> = [
  ['mongo (java)', 'mongo', /MongoLauncher/],
  ['kafka (java)', 'kafka', /kafka\.Kafka\b/],
  ['maildev', 'maildev', /maildev/],
];

const SERVICE_MAIN = /dist\/apps\/([a-z-]+)\/src\/main\.js/;

let ticksPerSecond: number | null = null;

/**
 * Reads /proc (Linux only; empty elsewhere): the CPU time of each platform service started by
 * this process, of the local broker, database and MailDev, and of the benchmark itself.
 */
export function snapshotCpu(infraDir: string | null = null): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  if (!existsSync('/proc/self/stat')) return snapshot;
  const infraPids = pidsOf(infraDir);
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
    const label = service ?? infraLabel(Number(entry), cmdline, infraPids);
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

function infraLabel(pid: number, cmdline: string, infraPids: Map<number, string>): string | undefined {
  if (infraPids.size > 0) return infraPids.get(pid);
  return INFRA_PARTS.find(([, , pattern]) => pattern.test(cmdline))?.[0];
}

/** The processes started by infra/up.sh in `infraDir`, by pid, with their labels. */
function pidsOf(infraDir: string | null): Map<number, string> {
  const pids = new Map<number, string>();
  if (!infraDir) return pids;
  for (const [label, part] of INFRA_PARTS) {
    const pid = Number(read(path.join(infraDir, part, 'pid'))?.trim());
    if (Number.isInteger(pid) && pid > 0) pids.set(pid, label);
  }
  return pids;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
