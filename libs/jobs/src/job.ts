/** What a job is given when it is enqueued: plain values only, so that it survives storage. */
export type JobInput = Readonly<Record<string, string | number | boolean | null>>;

/** A job to be run, as its producer describes it. */
export interface NewJob {
  /** Which handler runs it, e.g. `group-assignment.fan-out`. */
  kind: string;
  /** The work's natural key within its kind: enqueueing the same key twice makes one job. */
  key: string;
  tenantId: string;
  input: JobInput;
}

/** A job as stored: open until its handler reports it done. */
export interface JobRecord {
  /** `<kind>:<key>`. */
  id: string;
  kind: string;
  tenantId: string;
  input: JobInput;
  /** Failed runs so far; reset by nothing, so that an alert keeps counting. */
  attempts: number;
  /** Changes on every claim and every release: the compare-and-set that makes a lease exclusive. */
  version: number;
  leaseOwner: string | null;
  /** Nobody else may take the job before this time (a held lease, or a retry's backoff). */
  leaseUntil: Date;
  createdAt: Date;
  lastError: string | null;
}

/** What one step of a job leaves behind. */
export type ChunkOutcome = 'more' | 'done';

/**
 * Runs one kind of long work in chunks. The runner calls `runChunk` again and again while it
 * returns `'more'`, on whichever instance holds the job's lease; between two calls it may stop
 * (shutdown, lease lost) and another instance continues later. So a chunk must save its own
 * progress before it returns, and must be safe to run twice (idempotent writes): a chunk
 * interrupted by a crash is run again.
 */
export interface JobHandler {
  readonly kind: string;
  runChunk(job: JobRecord): Promise<ChunkOutcome>;
  /**
   * Work of this kind that should be running but has no job (its enqueueing step was lost,
   * e.g. a dead-lettered event). Called at start-up and then periodically; what it returns is
   * enqueued idempotently.
   */
  findUnfinished?(): Promise<NewJob[]>;
}

export function jobId(kind: string, key: string): string {
  return `${kind}:${key}`;
}
