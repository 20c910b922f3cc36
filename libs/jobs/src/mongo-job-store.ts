import type { mongo } from 'mongoose';
import type { JobInput, JobRecord, NewJob } from './job';
import { jobId } from './job';
import type { JobStore } from './job-store';

interface JobDocument {
  _id: string;
  kind: string;
  tenantId: string;
  input: JobInput;
  attempts: number;
  version: number;
  leaseOwner: string | null;
  leaseUntil: Date;
  createdAt: Date;
  updatedAt: Date;
  lastError: string | null;
}

export const JOBS_COLLECTION = 'jobs';

/**
 * Open jobs in the service's own database, one document each, removed when done so that the
 * collection stays as small as the work in progress.
 *
 * Query shapes: every write filters on exactly `{_id, version}`, which the unique index of the
 * same name serves on the local stand-in as well as on MongoDB (where `_id` alone would do).
 * `findDue` filters on `leaseUntil`: an index look-up on MongoDB, a scan of the open jobs on
 * the stand-in, which is cheap because finished jobs are deleted.
 */
export class MongoJobStore implements JobStore {
  private readonly jobs: mongo.Collection<JobDocument>;

  constructor(db: mongo.Db) {
    this.jobs = db.collection<JobDocument>(JOBS_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.jobs.createIndex({ _id: 1, version: 1 }, { unique: true, name: 'job_version' });
    await this.jobs.createIndex({ leaseUntil: 1 }, { name: 'job_due' });
  }

  async enqueue(job: NewJob, now: Date): Promise<boolean> {
    const result = await this.jobs.updateOne(
      { _id: jobId(job.kind, job.key) },
      {
        $setOnInsert: {
          kind: job.kind,
          tenantId: job.tenantId,
          input: job.input,
          attempts: 0,
          version: 0,
          leaseOwner: null,
          leaseUntil: now,
          createdAt: now,
          updatedAt: now,
          lastError: null,
        },
      },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  }

  async findDue(now: Date, limit: number): Promise<JobRecord[]> {
    const docs = await this.jobs
      .find({ leaseUntil: { $lte: now } })
      .sort({ leaseUntil: 1 })
      .limit(limit)
      .toArray();
    return docs.map(toRecord);
  }

  async claim(job: JobRecord, owner: string, until: Date): Promise<JobRecord | null> {
    const ok = await this.swap(job, { leaseOwner: owner, leaseUntil: until }, { version: 1 });
    return ok ? { ...job, version: job.version + 1, leaseOwner: owner, leaseUntil: until } : null;
  }

  renew(job: JobRecord, until: Date): Promise<boolean> {
    return this.swap(job, { leaseUntil: until }, {});
  }

  async complete(job: JobRecord): Promise<boolean> {
    const result = await this.jobs.deleteOne({ _id: job.id, version: job.version });
    return result.deletedCount === 1;
  }

  reschedule(job: JobRecord, retryAt: Date, error: string): Promise<boolean> {
    return this.swap(
      job,
      { leaseOwner: null, leaseUntil: retryAt, lastError: error.slice(0, 2_000) },
      { version: 1, attempts: 1 },
    );
  }

  release(job: JobRecord, now: Date): Promise<boolean> {
    return this.swap(job, { leaseOwner: null, leaseUntil: now }, { version: 1 });
  }

  countOpen(kind?: string): Promise<number> {
    return this.jobs.countDocuments(kind === undefined ? {} : { kind });
  }

  private async swap(
    job: JobRecord,
    set: Partial<JobDocument>,
    inc: Partial<Record<'version' | 'attempts', number>>,
  ): Promise<boolean> {
    const result = await this.jobs.updateOne(
      { _id: job.id, version: job.version },
      { $set: { ...set, updatedAt: new Date() }, ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}) },
    );
    return result.matchedCount === 1;
  }
}

function toRecord(doc: JobDocument): JobRecord {
  return {
    id: doc._id,
    kind: doc.kind,
    tenantId: doc.tenantId,
    input: doc.input,
    attempts: doc.attempts,
    version: doc.version,
    leaseOwner: doc.leaseOwner,
    leaseUntil: doc.leaseUntil,
    createdAt: doc.createdAt,
    lastError: doc.lastError,
  };
}
