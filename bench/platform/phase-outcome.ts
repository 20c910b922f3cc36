import type { Measurement } from './poll-until';

/** "did not finish in 900 s: 3,000 of 10,000" for a measurement whose deadline came first. */
export function unfinished(deadlineMs: number, measurement: Pick<Measurement, 'reached' | 'target'>): string {
  return `did not finish in ${Math.round(deadlineMs / 1_000)} s: ${count(measurement.reached)} of ${count(measurement.target)}`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function seconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}
