import type { JobRecord, NewJob } from './job';
import { jobId } from './job';
import type { JobStore } from './job-store';

/** The job store in memory, with the same compare-and-set rules (unit tests, the contract suite). */
export class InMemoryJobStore implements JobStore {
  readonly jobs = new Map<string, JobRecord>();

  async enqueue(job: NewJob, now: Date): Promise<boolean> {
    const id = jobId(job.kind, job.key);
    if (this.jobs.has(id)) return false;
    this.jobs.set(id, {
      id,
      kind: job.kind,
      tenantId: job.tenantId,
      input: { ...job.input },
      attempts: 0,
      version: 0,
      leaseOwner: null,
      leaseUntil: now,
      createdAt: now,
      lastError: null,
    });
    return true;
  }

  async findDue(now: Date, limit: number): Promise<JobRecord[]> {
    return [...this.jobs.values()]
      .filter((job) => job.leaseUntil.getTime() <= now.getTime())
      .sort((a, b) => a.leaseUntil.getTime() - b.leaseUntil.getTime())
      .slice(0, limit)
      .map((job) => ({ ...job }));
  }

  async claim(job: JobRecord, owner: string, until: Date): Promise<JobRecord | null> {
    const claimed = this.swap(job, { leaseOwner: owner, leaseUntil: until, version: job.version + 1 });
    return claimed ? { ...claimed } : null;
  }

  async renew(job: JobRecord, until: Date): Promise<boolean> {
    return this.swap(job, { leaseUntil: until }) !== null;
  }

  async complete(job: JobRecord): Promise<boolean> {
    if (this.jobs.get(job.id)?.version !== job.version) return false;
    return this.jobs.delete(job.id);
  }

  async reschedule(job: JobRecord, retryAt: Date, error: string): Promise<boolean> {
    const stored = this.jobs.get(job.id);
    return (
      this.swap(job, {
        leaseOwner: null,
        leaseUntil: retryAt,
        lastError: error,
        version: job.version + 1,
        attempts: (stored?.attempts ?? 0) + 1,
      }) !== null
    );
  }

  async release(job: JobRecord, now: Date): Promise<boolean> {
    return this.swap(job, { leaseOwner: null, leaseUntil: now, version: job.version + 1 }) !== null;
  }

  async countOpen(kind?: string): Promise<number> {
    return [...this.jobs.values()].filter((job) => kind === undefined || job.kind === kind).length;
  }

  private swap(job: JobRecord, changes: Partial<JobRecord>): JobRecord | null {
    const stored = this.jobs.get(job.id);
    if (!stored || stored.version !== job.version) return null;
    const next = { ...stored, ...changes };
    this.jobs.set(job.id, next);
    return next;
  }
}
