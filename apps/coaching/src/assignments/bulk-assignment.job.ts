import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import type { BulkAssignment } from './domain/bulk-assignment';
import {
  BULK_ASSIGNMENT_REPOSITORY,
  type BulkAssignmentRepository,
} from './ports/bulk-assignment.repository';
import { RunBulkAssignmentUseCase } from './use-cases/bulk-assignment.use-cases';

export const BULK_ASSIGNMENT_JOB = 'assignment.bulk';

/** Bulk assignments left without a job looked for at once. */
const RECOVERY_PAGE = 1_000;

/** The job of one bulk assignment, keyed by its id. */
export function bulkAssignmentJob(bulk: Pick<BulkAssignment, 'id' | 'tenantId'>): NewJob {
  return {
    kind: BULK_ASSIGNMENT_JOB,
    key: bulk.id,
    tenantId: bulk.tenantId,
    input: { bulkAssignmentId: bulk.id },
  };
}

/**
 * Job adapter of a bulk assignment (CO-A3, rule 6): one chunk at a time, under a lease, on any
 * instance; a crash, a refused write or a shutdown between chunks only delays it.
 */
@Injectable()
export class BulkAssignmentJob implements JobHandler, OnModuleInit {
  readonly kind = BULK_ASSIGNMENT_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly run: RunBulkAssignmentUseCase,
    @Inject(BULK_ASSIGNMENT_REPOSITORY) private readonly bulks: BulkAssignmentRepository,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.run.runChunk({
      tenantId: job.tenantId,
      bulkAssignmentId: String(job.input.bulkAssignmentId),
    });
    return more ? 'more' : 'done';
  }

  /** Bulk assignments left running without a job, e.g. when the process died right after the request. */
  async findUnfinished(): Promise<NewJob[]> {
    return (await this.bulks.listRunning(RECOVERY_PAGE)).map(bulkAssignmentJob);
  }
}
