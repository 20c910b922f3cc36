import { createLogger } from '@lms/observability';
import { eventually } from '@lms/testing';
import { InMemoryJobStore } from './in-memory-job-store';
import type { ChunkOutcome, JobHandler, JobRecord, NewJob } from './job';
import { JobRunner, type JobRunnerOptions } from './job-runner';

const logger = createLogger('job-runner-spec', { level: 'silent' });
const FAST: JobRunnerOptions = {
  pollIntervalMs: 20,
  leaseMs: 300,
  retryInitialMs: 10,
  retryMaxMs: 40,
  recoverIntervalMs: 60_000,
};

/** A job of `total` steps whose progress lives outside the runner, as a real handler's does. */
class CountingHandler implements JobHandler {
  readonly kind = 'count';
  readonly progress = new Map<string, number>();
  readonly runs: string[] = [];
  failuresLeft = 0;
  active = 0;
  maxActive = 0;
  gate: Promise<void> | null = null;
  unfinished: NewJob[] = [];

  constructor(private readonly total: number) {}

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      await this.gate;
      this.runs.push(job.id);
      if (this.failuresLeft > 0) {
        this.failuresLeft--;
        throw new Error('database refused the write');
      }
      const done = (this.progress.get(job.id) ?? 0) + 1;
      this.progress.set(job.id, done);
      return done >= this.total ? 'done' : 'more';
    } finally {
      this.active--;
    }
  }

  async findUnfinished(): Promise<NewJob[]> {
    return this.unfinished;
  }
}

const job = (key: string): NewJob => ({ kind: 'count', key, tenantId: 't1', input: { key } });

describe('JobRunner', () => {
  const runners: JobRunner[] = [];
  const runner = (store: InMemoryJobStore, handler: JobHandler, options: JobRunnerOptions = {}) => {
    const made = new JobRunner(store, logger, { ...FAST, ...options });
    made.register(handler);
    runners.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });

  it('runs a job chunk after chunk until it is done, then removes it', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(5);
    const jobs = runner(store, handler);
    jobs.start();

    expect(await jobs.enqueue(job('a'))).toBe(true);

    await eventually(() => expect(store.jobs.size).toBe(0));
    expect(handler.progress.get('count:a')).toBe(5);
    expect(handler.runs).toHaveLength(5);
  });

  it('makes one job of a key enqueued twice', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(3);
    const jobs = runner(store, handler);
    let release!: () => void;
    handler.gate = new Promise<void>((resolve) => (release = resolve)); // hold the first chunk
    jobs.start();

    expect(await jobs.enqueue(job('a'))).toBe(true);
    expect(await jobs.enqueue(job('a'))).toBe(false);

    expect(await store.countOpen('count')).toBe(1);
    release();
    await eventually(() => expect(store.jobs.size).toBe(0));
    expect(handler.progress.get('count:a')).toBe(3);
  });

  it('retries a failing chunk with backoff and completes exactly once', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(3);
    handler.failuresLeft = 4;
    const jobs = runner(store, handler);
    jobs.start();

    await jobs.enqueue(job('a'));

    await eventually(() => expect(store.jobs.size).toBe(0));
    expect(handler.progress.get('count:a')).toBe(3);
    expect(jobs.counters.failures).toBe(4);
    expect(jobs.counters.completed).toBe(1);
  });

  it('on stop, finishes the running chunk and gives the lease up to the next instance at once', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(4);
    let release!: () => void;
    handler.gate = new Promise<void>((resolve) => (release = resolve));
    const first = runner(store, handler, { leaseMs: 60_000 });
    first.start();
    await first.enqueue(job('a'));
    await eventually(() => expect(handler.active).toBe(1));

    const stopped = first.stop();
    release();
    handler.gate = null;
    await stopped;

    expect(handler.progress.get('count:a')).toBe(1);
    const open = [...store.jobs.values()];
    expect(open).toHaveLength(1);
    expect(open[0].leaseOwner).toBeNull();

    const second = runner(store, handler, { leaseMs: 60_000 });
    second.start();
    await eventually(() => expect(store.jobs.size).toBe(0), { timeoutMs: 2_000 });
    expect(handler.progress.get('count:a')).toBe(4);
  });

  it('takes over a job whose holder died once its lease runs out', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(2);
    await store.enqueue(job('a'), new Date());
    const [due] = await store.findDue(new Date(), 1);
    // A holder that claimed the job and then died: no renewal, no release.
    await store.claim(due, 'dead-instance', new Date(Date.now() + 300));
    const survivor = runner(store, handler);
    survivor.start();

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handler.runs).toHaveLength(0);
    await eventually(() => expect(store.jobs.size).toBe(0), { timeoutMs: 3_000 });
    expect(handler.progress.get('count:a')).toBe(2);
  });

  it('never runs one job on two instances at once', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(20);
    const a = runner(store, handler);
    const b = runner(store, handler);
    a.start();
    b.start();

    await a.enqueue(job('a'));

    await eventually(() => expect(store.jobs.size).toBe(0));
    expect(handler.maxActive).toBe(1);
    expect(handler.progress.get('count:a')).toBe(20);
  });

  it('re-enqueues unfinished work that has no job at start-up', async () => {
    const store = new InMemoryJobStore();
    const handler = new CountingHandler(1);
    handler.unfinished = [job('lost')];
    const jobs = runner(store, handler);

    jobs.start();

    await eventually(() => expect(handler.progress.get('count:lost')).toBe(1));
    expect(store.jobs.size).toBe(0);
  });

  it('refuses a job of a kind nobody handles', async () => {
    const jobs = runner(new InMemoryJobStore(), new CountingHandler(1));
    await expect(jobs.enqueue({ ...job('a'), kind: 'unknown' })).rejects.toThrow('No job handler');
  });
});
