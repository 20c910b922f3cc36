import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobRunner, type ChunkOutcome, type JobHandler, type JobRecord, type NewJob } from '@lms/jobs';
import { OutboxRelay } from '@lms/messaging';
import { TENANT_REPOSITORY, type TenantRepository } from './ports/tenant.repository';
import { RunTenantDeletionUseCase } from './use-cases/run-tenant-deletion.use-case';

export const TENANT_DELETION_JOB = 'tenant.deletion';

/** Tenants read per page when looking for deletions left without a job. */
const PAGE_SIZE = 100;

/** The job of one tenant's deletion, keyed by its code: deleting it again makes no second job. */
export function tenantDeletionJob(code: string): NewJob {
  return { kind: TENANT_DELETION_JOB, key: code, tenantId: code, input: { code } };
}

/**
 * Job adapter of a tenant's deletion (ID-T2, rule 6): the runner calls one chunk at a time,
 * under a lease, on any instance; a crash, a refused write or a shutdown between chunks only
 * delays it. After each chunk it waits until the outbox relay has caught up enough with the
 * accounts' events.
 */
@Injectable()
export class TenantDeletionJob implements JobHandler, OnModuleInit {
  readonly kind = TENANT_DELETION_JOB;

  constructor(
    private readonly runner: JobRunner,
    private readonly runDeletion: RunTenantDeletionUseCase,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  async runChunk(job: JobRecord): Promise<ChunkOutcome> {
    const { more } = await this.runDeletion.runChunk({ code: String(job.input.code) });
    await this.relay.backpressure();
    return more ? 'more' : 'done';
  }

  /** Tenants left `deleting` without a job, e.g. when the process died right after the request's write. */
  async findUnfinished(): Promise<NewJob[]> {
    const jobs: NewJob[] = [];
    // A scan of the tenants on the local stand-in (see the schema): tenants are few.
    let cursor: string | undefined;
    do {
      const page = await this.tenants.list('deleting', { limit: PAGE_SIZE, cursor });
      jobs.push(...page.items.map((tenant) => tenantDeletionJob(tenant.code)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return jobs;
  }
}
