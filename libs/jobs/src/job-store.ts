import type { JobRecord, NewJob } from './job';

/**
 * Where open jobs live. Every write that matters is a compare-and-set on the job's `version`,
 * so that of two instances only one holds a lease, and one that lost it cannot complete or
 * release the job any more.
 */
export interface JobStore {
  /** Stores the job unless one with its id is open already; true when this call stored it. */
  enqueue(job: NewJob, now: Date): Promise<boolean>;
  /** Open jobs whose lease (or backoff) has run out, the longest waiting first. */
  findDue(now: Date, limit: number): Promise<JobRecord[]>;
  /** Takes the lease if nobody changed the job since it was read; the claimed job or null. */
  claim(job: JobRecord, owner: string, until: Date): Promise<JobRecord | null>;
  /** Extends a held lease; false when the lease was lost (another instance claimed the job). */
  renew(job: JobRecord, until: Date): Promise<boolean>;
  /** Removes a finished job; false when the lease was lost meanwhile. */
  complete(job: JobRecord): Promise<boolean>;
  /** Gives the job up until `retryAt` after a failure, counting the attempt. */
  reschedule(job: JobRecord, retryAt: Date, error: string): Promise<boolean>;
  /** Gives the lease up at once (shutdown), so another instance continues without waiting. */
  release(job: JobRecord, now: Date): Promise<boolean>;
  /** Open jobs of one kind (for health pages and tests). */
  countOpen(kind?: string): Promise<number>;
}

export const JOB_STORE = Symbol('JOB_STORE');
