import type { RunResult, Timeline } from './fan-out-run';
import type { MachineInfo } from './machine-info';
import type { Measurement } from './poll-until';

/** Everything one invocation measured: saved as JSON, and the source of the report. */
export interface FanOutResults {
  command: string;
  finishedAt: string;
  pollMs: number;
  timeoutMs: number;
  machine: MachineInfo;
  runs: RunResult[];
}

const HEADERS = [
  'members',
  'services',
  'seed → projection',
  '(a) fan-out done',
  '(b) N assignments',
  '(c) N events',
  '(d) 2N mails',
  'assignments/s',
  'events/s',
  'mails/s',
];

/** One row per run: times from the POST, throughput derived from them. */
export function resultRows(results: FanOutResults): string[][] {
  return results.runs.map((run) => [
    count(run.members),
    run.withMails ? 'all' : 'notifications stopped',
    run.projection ? time(run.projection) : failed(run),
    time(run.fanOutDone),
    time(run.assignments),
    time(run.events),
    run.withMails ? time(run.mails) : 'not measured',
    rate(run.members, run.assignments),
    rate(run.members, run.events),
    run.withMails ? rate(2 * run.members, run.mails) : '-',
  ]);
}

export function consoleTable(results: FanOutResults): string {
  const rows = [HEADERS, ...resultRows(results)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]): string => row.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** Where the time of each run went, from the evidence it collected. */
export function breakdownRows(results: FanOutResults): string[][] {
  return results.runs.map((run) => {
    const chunks = run.chunks;
    const gaps = chunks ? chunkGaps(chunks.atMs) : [];
    const half = Math.ceil(gaps.length / 2);
    return [
      count(run.members),
      run.platformStartMs === null ? '-' : seconds(run.platformStartMs),
      run.publishMs === null ? '-' : `${seconds(run.publishMs)} (${count(run.seededEvents)} events)`,
      run.postMs === null ? '-' : `${run.postMs} ms`,
      eventsColumn(run),
      chunks && chunks.atMs.length > 0
        ? `${chunks.atMs.length} × ≤${Math.max(...chunks.sizes)}, first at ${seconds(chunks.atMs[0])}, last at ${seconds(chunks.atMs[chunks.atMs.length - 1])}`
        : '-',
      gaps.length > 1
        ? `${seconds(mean(gaps.slice(0, half)))} → ${seconds(mean(gaps.slice(half)))}`
        : gaps.length === 1
          ? seconds(gaps[0])
          : '-',
      lag(run.assignments, run.events),
      run.mailTimeline ? quarters(run.mailTimeline, 2 * run.members, 'mails') : '-',
      checks(run),
    ];
  });
}

export const BREAKDOWN_HEADERS = [
  'members',
  'platform start',
  'seed publish',
  'POST answer',
  'events/s per quarter of them',
  'chunks written',
  'time per chunk (1st half → 2nd half)',
  '(c) − (b)',
  'mails/s per quarter of them',
  'checks',
];

/** Rates by quarter when there are enough chunks for them to mean something; else the span. */
function eventsColumn(run: RunResult): string {
  const timeline = run.eventTimeline;
  if (!timeline) return '-';
  if ((run.chunks?.atMs.length ?? 0) >= 4) return quarters(timeline, run.members, 'events');
  return `in bursts of a chunk, from ${seconds(timeline.first)} to ${seconds(timeline.last)}`;
}

function checks(run: RunResult): string {
  const notes: string[] = [];
  if (run.chunks) notes.push(`${count(run.chunks.sizes.reduce((sum, n) => sum + n, 0))} stored`);
  if (run.apiCheck) notes.push(`API lists ${run.apiCheck}`);
  if (run.duplicateEvents > 0) notes.push(`${count(run.duplicateEvents)} duplicate events`);
  if (run.deliveriesByStatus) {
    notes.push(
      Object.entries(run.deliveriesByStatus)
        .map(([status, n]) => `${count(n)} ${status}`)
        .join(', '),
    );
  }
  if (run.error) notes.push(`error: ${run.error}`);
  return notes.join('; ') || '-';
}

/** The rate of each quarter of a timeline's items: shows whether the work slowed down as it went. */
export function quarters(timeline: Timeline, items: number, unit: string): string {
  const marks = [timeline.first, timeline.p25, timeline.p50, timeline.p75, timeline.last];
  const rates = marks.slice(1).map((at, i) => {
    const span = (at - marks[i]) / 1_000;
    return span > 0 ? count(Math.round(items / 4 / span)) : '-';
  });
  return `${rates.join(' → ')} (${unit} from ${seconds(timeline.first)} to ${seconds(timeline.last)})`;
}

export function chunkGaps(atMs: readonly number[]): number[] {
  return atMs.slice(1).map((at, i) => at - atMs[i]);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function lag(stored: Measurement | null, events: Measurement | null): string {
  if (stored?.ms == null || events?.ms == null) return '-';
  return seconds(events.ms - stored.ms);
}

function time(measurement: Measurement | null): string {
  if (!measurement) return '-';
  if (measurement.ms !== null) return seconds(measurement.ms);
  return `> deadline (${count(measurement.reached)} of ${count(measurement.target)})`;
}

function rate(items: number, measurement: Measurement | null): string {
  if (measurement?.ms == null || measurement.ms <= 0) return '-';
  return count(Math.round(items / (measurement.ms / 1_000)));
}

function failed(run: RunResult): string {
  return run.error ? 'failed' : '-';
}

export function seconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

const CPU_COLUMNS = [
  'coaching',
  'notifications',
  'gateway',
  'identity',
  'learning',
  'mongo (java)',
  'kafka (java)',
  'maildev',
  'benchmark',
];

export const CPU_HEADERS = [
  'members',
  'services',
  'load avg at POST',
  'measured for',
  ...CPU_COLUMNS,
  'all / (time × cores)',
];

/** CPU seconds per process while each run was measured: where the cores went. */
export function cpuRows(results: FanOutResults): string[][] {
  const cores = Number(results.machine.nproc) || 1;
  return results.runs
    .filter((run) => run.cpuSeconds && run.measuredMs)
    .map((run) => {
      const cpu = run.cpuSeconds ?? {};
      const total = Object.values(cpu).reduce((sum, s) => sum + s, 0);
      const wall = (run.measuredMs ?? 0) / 1_000;
      return [
        count(run.members),
        run.withMails ? 'all' : 'notifications stopped',
        run.loadAverage.atPost === null ? '-' : run.loadAverage.atPost.toFixed(2),
        seconds(run.measuredMs ?? 0),
        ...CPU_COLUMNS.map((label) => (label in cpu ? `${cpu[label].toFixed(1)} s` : '-')),
        `${Math.round((100 * total) / (wall * cores))} %`,
      ];
    });
}
