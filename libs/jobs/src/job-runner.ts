import { randomUUID } from 'node:crypto';
import type { Logger } from '@lms/observability';
import type { JobHandler, JobRecord, NewJob } from './job';
import type { JobStore } from './job-store';

export interface JobRunnerOptions {
  /** How often an idle runner looks for due jobs (enqueueing on this instance wakes it at once). */
  pollIntervalMs?: number;
  /** How long a lease lasts without renewal: how soon another instance takes over after a crash. */
  leaseMs?: number;
  /** Jobs this instance runs at once. */
  concurrency?: number;
  /** Backoff after a failed chunk: doubles from the first value up to the second. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Failed attempts after which each further failure is logged as an alert. */
  alertAfterAttempts?: number;
  /** How often handlers are asked for unfinished work that has no job. */
  recoverIntervalMs?: number;
}

export interface JobRunnerCounters {
  chunks: number;
  completed: number;
  failures: number;
  leasesLost: number;
}

const DEFAULTS: Required<JobRunnerOptions> = {
  pollIntervalMs: 1_000,
  leaseMs: 15_000,
  concurrency: 2,
  retryInitialMs: 500,
  retryMaxMs: 30_000,
  alertAfterAttempts: 5,
  recoverIntervalMs: 60_000,
};

/**
 * Runs long work (fan-outs, bulk changes, imports) as resumable jobs (architecture rule 6):
 * - a job is held under a lease, renewed while it runs; a crashed holder's lease runs out and
 *   any instance continues from the progress the last chunk saved;
 * - a failing chunk is retried with backoff, without limit (an alert is logged past a number
 *   of attempts): a database refusing writes for a while delays the job, never loses it;
 * - `stop()` lets the running chunks finish, then gives their leases up, so that the next
 *   instance continues at once;
 * - nothing runs inside a request or a Kafka handler: they only enqueue.
 */
export class JobRunner {
  readonly owner = `${process.pid}-${randomUUID()}`;
  readonly counters: JobRunnerCounters = { chunks: 0, completed: 0, failures: 0, leasesLost: 0 };
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly options: Required<JobRunnerOptions>;
  private poller: NodeJS.Timeout | null = null;
  private recoverer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;
  private stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly logger: Logger,
    options: JobRunnerOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.options = { ...DEFAULTS, ...definedOnly(options) };
  }

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`Two job handlers for ${handler.kind}`);
    this.handlers.set(handler.kind, handler);
  }

  /** Stores the job (once per kind and key) and wakes this runner. True when it was new. */
  async enqueue(job: NewJob): Promise<boolean> {
    if (!this.handlers.has(job.kind)) throw new Error(`No job handler for ${job.kind}`);
    const created = await this.store.enqueue(job, this.now());
    this.poke();
    return created;
  }

  start(): void {
    if (this.poller) return;
    this.stopping = false;
    this.poller = setInterval(() => this.poke(), this.options.pollIntervalMs);
    this.poller.unref();
    this.recoverer = setInterval(() => void this.recover(), this.options.recoverIntervalMs);
    this.recoverer.unref();
    void this.recover();
  }

  /** Looks for due jobs now instead of at the next poll. */
  poke(): void {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'looking for due jobs failed'))
      .finally(() => {
        this.ticking = null;
        if (this.tickAgain) {
          this.tickAgain = false;
          this.poke();
        }
      });
  }

  /** Lets running chunks finish, gives their leases up and stops looking for jobs. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.poller) clearInterval(this.poller);
    if (this.recoverer) clearInterval(this.recoverer);
    this.poller = this.recoverer = null;
    await this.ticking;
    await Promise.allSettled([...this.running.values()]);
  }

  private async tick(): Promise<void> {
    const free = this.options.concurrency - this.running.size;
    if (free <= 0 || this.stopping) return;
    const due = await this.store.findDue(this.now(), free * 2);
    for (const job of due) {
      if (this.running.size >= this.options.concurrency || this.stopping) break;
      if (this.running.has(job.id) || !this.handlers.has(job.kind)) continue;
      const claimed = await this.store.claim(
        job,
        this.owner,
        new Date(this.now().getTime() + this.options.leaseMs),
      );
      if (!claimed) continue; // another instance was quicker
      const run = this.run(claimed).finally(() => {
        this.running.delete(claimed.id);
        this.poke();
      });
      this.running.set(claimed.id, run);
    }
  }

  private async run(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.kind) as JobHandler;
    const log = { jobId: job.id, kind: job.kind, tenantId: job.tenantId };
    let lost = false;
    const renewer = setInterval(
      () => {
        this.store
          .renew(job, new Date(this.now().getTime() + this.options.leaseMs))
          .then((held) => {
            if (!held && !lost) {
              lost = true;
              this.counters.leasesLost++;
              this.logger.warn(log, 'job lease lost; stopping after this chunk');
            }
          })
          .catch((error: unknown) => this.logger.warn({ ...log, err: error }, 'job lease renewal failed'));
      },
      Math.max(50, Math.floor(this.options.leaseMs / 3)),
    );
    try {
      for (;;) {
        if (lost) return;
        if (this.stopping) {
          await this.store.release(job, this.now());
          this.logger.info(log, 'job paused for shutdown; another instance continues');
          return;
        }
        const outcome = await handler.runChunk(job);
        this.counters.chunks++;
        if (outcome === 'done') {
          await this.store.complete(job);
          this.counters.completed++;
          return;
        }
      }
    } catch (error) {
      this.counters.failures++;
      const attempts = job.attempts + 1;
      const delay = Math.min(
        this.options.retryMaxMs,
        this.options.retryInitialMs * 2 ** Math.min(attempts - 1, 20),
      );
      const details = { ...log, err: error, attempts, retryInMs: delay };
      if (attempts >= this.options.alertAfterAttempts) {
        this.logger.error({ ...details, alert: 'job-failing' }, 'job keeps failing; retrying');
      } else {
        this.logger.warn(details, 'job chunk failed; retrying');
      }
      await this.store
        .reschedule(job, new Date(this.now().getTime() + delay), errorText(error))
        // Unreachable database: the lease runs out and the job is retried all the same.
        .catch(() => undefined);
    } finally {
      clearInterval(renewer);
    }
  }

  private async recover(): Promise<void> {
    for (const handler of this.handlers.values()) {
      if (!handler.findUnfinished || this.stopping) continue;
      try {
        const unfinished = await handler.findUnfinished();
        let created = 0;
        for (const job of unfinished) if (await this.store.enqueue(job, this.now())) created++;
        if (created > 0) {
          this.logger.warn(
            { kind: handler.kind, jobs: created },
            'unfinished work without a job re-enqueued',
          );
          this.poke();
        }
      } catch (error) {
        this.logger.warn({ err: error, kind: handler.kind }, 'looking for unfinished work failed');
      }
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function definedOnly(options: JobRunnerOptions): JobRunnerOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * What a request or a use case needs of the job runner: to enqueue long work (rule 6), which
 * the runner then takes under a lease. Unit tests give an in-memory job store's queue.
 */
export type JobQueue = Pick<JobRunner, 'enqueue'>;
