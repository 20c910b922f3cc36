import type { Measurement } from './poll-until';
import { bothDone, perSecond, type BenchResults } from './bench-results';
import { summarizeLatencies } from './latency-stats';
import { count, unfinished } from './phase-outcome';

/** Targets shown next to the figures (not enforced). */
export const TARGETS = {
  throughputFraction: 0.5,
  latencyP99Ms: 100,
} as const;

const HEADER = ['row', 'what', 'size', 'result', 'unit', 'fraction of (i)', 'target'];

/** The results as one Markdown table: printed by the benchmark and written to docs/benchmarks.md. */
export function resultsTable(results: BenchResults): string {
  const ceiling = perSecond(results.ceiling.bulk);
  const rows: string[][] = [];
  const ceilingRow = (row: string, what: string, measurement: Measurement | null): void => {
    const rate = perSecond(measurement);
    rows.push([
      row,
      what,
      measurement ? `${count(measurement.target)} documents` : '-',
      outcome(measurement, results.ceiling.error, results.deadlineMs, 'upserts/s'),
      'upserts/s',
      fraction(rate, ceiling),
      '-',
    ]);
  };
  ceilingRow('0 (i)', 'engine: bulk upserts of 500, filter `_id`', results.ceiling.bulk);
  ceilingRow('0 (ii)', 'engine: single upserts, filter `_id`', results.ceiling.single);
  ceilingRow(
    '0 (iii)',
    'engine: bulk upserts of 500 with an outbox entry each, then their removal, filter `_id`',
    results.ceiling.outboxed,
  );

  for (const run of results.projection) {
    const rate = perSecond(run.projection);
    rows.push([
      '(a)',
      'membership events → coaching projection',
      `${count(run.members)} members, ${run.groups} groups`,
      outcome(run.projection, run.error, results.deadlineMs, 'events/s'),
      'events/s',
      fraction(rate, ceiling),
      throughputTarget(rate, ceiling),
    ]);
  }
  for (const run of results.groupAssignment) {
    const done = bothDone(run.stored, run.events);
    const rate = perSecond(done);
    const error = run.error ?? (run.seed && run.seed.ms === null ? 'seeding did not finish' : null);
    rows.push([
      '(b)',
      'group assignment → assignments stored + events on Kafka',
      `${count(run.members)} members`,
      outcome(done, error, results.deadlineMs, 'assignments/s'),
      'assignments/s',
      fraction(rate, ceiling),
      throughputTarget(rate, ceiling),
    ]);
  }
  const latency = results.latency;
  if (latency) {
    const summary = summarizeLatencies(latency.latenciesMs);
    const oneAtATime = summary ? 1_000 / Math.max(summary.p50, 1) : null;
    const note = latency.error ?? latency.incomplete;
    rows.push([
      '(c)',
      'one membership added → its assignment stored',
      `${count(latency.samples)} members, one at a time`,
      summary
        ? `p50 ${summary.p50} · p99 ${summary.p99} · max ${summary.max}${note ? ` (${count(summary.count)} samples; ${note})` : ''}`
        : (note ?? 'no samples'),
      'ms',
      oneAtATime === null ? '-' : `${fraction(oneAtATime, ceiling)} (1/p50 = ${rateText(oneAtATime)}/s)`,
      `p99 < ${TARGETS.latencyP99Ms} ms: ${summary && note === null ? (summary.p99 < TARGETS.latencyP99Ms ? 'met' : 'not met') : '-'}`,
    ]);
  }
  return markdownTable(HEADER, rows);
}

function outcome(
  measurement: Measurement | null,
  error: string | null,
  deadlineMs: number,
  unit: string,
): string {
  if (measurement && measurement.ms !== null) return rateText(perSecond(measurement) ?? 0);
  if (measurement) {
    const soFar = measurement.reached / (deadlineMs / 1_000);
    return `${unfinished(deadlineMs, measurement)} (${rateText(soFar)} ${unit})`;
  }
  return error ? `failed: ${error}` : 'not measured';
}

function throughputTarget(rate: number | null, ceiling: number | null): string {
  const target = `≥ ${TARGETS.throughputFraction.toFixed(1)} of (i)`;
  if (rate === null || ceiling === null) return `${target}: -`;
  return `${target}: ${rate / ceiling >= TARGETS.throughputFraction ? 'met' : 'not met'}`;
}

export function rateText(rate: number): string {
  return rate >= 100 ? count(Math.round(rate)) : rate.toFixed(1);
}

function fraction(rate: number | null, ceiling: number | null): string {
  if (rate === null || ceiling === null || ceiling <= 0) return '-';
  const value = rate / ceiling;
  return value >= 1 ? value.toFixed(2) : value.toPrecision(2);
}

export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}
