import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import { OutboxRelay } from '@lms/messaging';
import type { BulkStateChange } from './domain/bulk-state-change';
import {
  BULK_STATE_CHANGE_REPOSITORY,
  type BulkStateChangeRepository,
} from './ports/bulk-state-change.repository';
import { RunBulkStateChangeUseCase } from './use-cases/run-bulk-state-change.use-case';

export const BULK_STATE_CHANGE_JOB = 'user.bulk-state-change';

/** Changes read per page when looking for ones left without a job. */
const PAGE_SIZE = 100;

/** The job of one bulk state change, keyed by its id. */
export function bulkStateChangeJob(change: Pick<BulkStateChange, 'id' | 'tenantId'>): NewJob {
  return {
    kind: BULK_STATE_CHANGE_JOB,
    key: change.id,
    tenantId: change.tenantId,
    input: { bulkStateChangeId: change.id },
  };
}

/**
 * Job adapter of a bulk state change (ID-U5, rule 6): the runner calls one chunk at a time,
 * under a lease, on any instance; a crash, a refused write or a shutdown between chunks only
 * delays it. After each chunk it waits until the outbox relay has caught up enough with the
 * users' events.
 */
@Injectable()
export class BulkStateChangeJob implements JobHandler, OnModuleInit {
  readonly kind = BULK_STATE_CHANGE_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly runChange: RunBulkStateChangeUseCase,
    @Inject(BULK_STATE_CHANGE_REPOSITORY) private readonly changes: BulkStateChangeRepository,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.runChange.runChunk({
      tenantId: job.tenantId,
      bulkStateChangeId: String(job.input.bulkStateChangeId),
    });
    await this.relay.backpressure();
    return more ? 'more' : 'done';
  }

  /** Changes left running without a job, e.g. when the process died right after the request's write. */
  async findUnfinished(): Promise<NewJob[]> {
    const jobs: NewJob[] = [];
    for (let afterId: string | null = null; ; ) {
      const page = await this.changes.listRunning(afterId, PAGE_SIZE);
      jobs.push(...page.map(bulkStateChangeJob));
      if (page.length < PAGE_SIZE) return jobs;
      afterId = page[page.length - 1].id;
    }
  }
}
