import type { BenchResults, CpuUse } from './bench-results';
import { count, seconds } from './phase-outcome';
import { markdownTable } from './results-table';

const CPU_COLUMNS = [
  'coaching',
  'gateway',
  'identity',
  'learning',
  'mongo (java)',
  'kafka (java)',
  'benchmark',
];

const HEADERS = ['row', 'size', 'load avg at start', 'measured for', ...CPU_COLUMNS, 'all / (time × cores)'];

/** CPU seconds per process while (a) and (b) were measured: where the cores went. */
export function cpuTable(results: BenchResults): string {
  const cores = Number(results.machine.nproc) || 1;
  const row = (label: string, members: number, cpu: CpuUse): string[] => {
    const total = Object.values(cpu.seconds).reduce((sum, s) => sum + s, 0);
    return [
      label,
      count(members),
      cpu.loadAverage.toFixed(2),
      seconds(cpu.overMs),
      ...CPU_COLUMNS.map((name) => (name in cpu.seconds ? `${cpu.seconds[name].toFixed(1)} s` : '-')),
      `${Math.round((100 * total) / (Math.max(cpu.overMs, 1) / 1_000) / cores)} %`,
    ];
  };
  const rows = [
    ...results.projection.flatMap((run) => (run.cpu ? [row('(a)', run.members, run.cpu)] : [])),
    ...results.groupAssignment.flatMap((run) => (run.cpu ? [row('(b)', run.members, run.cpu)] : [])),
  ];
  return rows.length === 0 ? '' : markdownTable(HEADERS, rows);
}
