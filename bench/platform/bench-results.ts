import type { MachineInfo } from './machine-info';
import type { Measurement } from './poll-until';

/** (0) The engine's ceiling: the raw driver against the platform's MongoDB server, in a scratch database. */
export interface CeilingResult {
  /** (i) unordered bulk writes of 500 upserts, each filtered by `_id` alone. */
  bulk: Measurement | null;
  /** (ii) one upsert by `_id` per round trip. */
  single: Measurement | null;
  /**
   * (iii) what a fan-out writes per member at least: bulk upserts of 500 by `_id`, each document
   * with one outbox entry, then the bulk removal of those entries by `_id` (the relay's part).
   */
  outboxed: Measurement | null;
  error: string | null;
}

/** CPU seconds each process used over a measured phase (Linux), and how long the phase was. */
export interface CpuUse {
  overMs: number;
  /** 1-minute load average when the phase's clock started. */
  loadAverage: number;
  seconds: Record<string, number>;
}

/** (a) membership events → coaching's membership projection. */
export interface ProjectionRun {
  members: number;
  groups: number;
  /** How long putting the events on Kafka took (inside the measured time). */
  produceMs: number | null;
  /** From the first produce until the projection held every member. */
  projection: Measurement | null;
  cpu: CpuUse | null;
  /** The projection had documents of other tenants (others producing on the same broker). */
  foreignDocuments: boolean;
  error: string | null;
}

/** (b) a group assignment's fan-out: every derived assignment stored and its event on Kafka. */
export interface GroupAssignmentRun {
  members: number;
  /** Seeding the membership projection (not timed into the figure). */
  seed: Measurement | null;
  postMs: number | null;
  stored: Measurement | null;
  events: Measurement | null;
  duplicateEvents: number;
  cpu: CpuUse | null;
  error: string | null;
}

/** (c) one membership added → its derived assignment stored, one member at a time. */
export interface LatencyRun {
  samples: number;
  /** Members the group had when its group assignment was made. */
  groupMembers: number;
  /** Milliseconds from producing each `membership.added` until its assignment was seen stored. */
  latenciesMs: number[];
  /** Why fewer than `samples` were measured (a deadline or a failure). */
  incomplete: string | null;
  error: string | null;
}

export interface BenchResults {
  command: string;
  finishedAt: string;
  /** The MongoDB stand-in's backend, as the infrastructure reports it. */
  engine: string;
  deadlineMs: number;
  pollMs: number;
  latencyPollMs: number;
  machine: MachineInfo;
  ceiling: CeilingResult;
  projection: ProjectionRun[];
  groupAssignment: GroupAssignmentRun[];
  latency: LatencyRun | null;
}

/** Items per second, or null when the measurement did not finish. */
export function perSecond(measurement: Measurement | null): number | null {
  if (!measurement || measurement.ms === null) return null;
  return measurement.target / (Math.max(measurement.ms, 1) / 1_000);
}

/** The later of two measurements of the same items (null when either did not finish). */
export function bothDone(a: Measurement | null, b: Measurement | null): Measurement | null {
  if (!a || !b) return null;
  if (a.ms === null || b.ms === null)
    return { ms: null, target: a.target, reached: Math.min(a.reached, b.reached) };
  return { ms: Math.max(a.ms, b.ms), target: a.target, reached: a.target };
}
