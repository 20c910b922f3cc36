import { Inject, Injectable } from '@nestjs/common';
import { JobRunner } from '@lms/jobs';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import type { JobQueue } from '@lms/jobs';
import { isDeleting, isVisible, startDeletion, type DeletingTenant } from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { tenantDeletionJob } from '../tenant-deletion.job';
import { TenantNotFoundError } from '../tenants.errors';
import { authorizeTenantAction } from './tenant-access';

/**
 * ID-T2: starts deleting a tenant, and answers at once (rule 6). The tenant becomes
 * `deleting` by a compare-and-set (from then on it is not listed, renamed, given accounts or
 * signed in to), and its deletion job is enqueued: {@link RunTenantDeletionUseCase}
 * deactivates its accounts chunk by chunk, then marks it `deleted` with `tenant.deleted`.
 * Deleting a tenant already `deleting` enqueues the same job again, which is one job; should
 * the enqueue be lost, the job's `findUnfinished` finds the tenant.
 */
@Injectable()
export class DeleteTenantUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(JobRunner) private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { actor: TenantActor; code: string }): Promise<DeletingTenant> {
    const { code } = command;
    authorizeTenantAction(command.actor, 'delete', code);
    const deleting = await withOptimisticRetry<DeletingTenant>(async () => {
      const current = await this.tenants.findById(code);
      if (isDeleting(current)) return { outcome: 'written', value: current };
      if (!isVisible(current)) throw new TenantNotFoundError(code);
      const next = startDeletion(current, this.clock.now());
      // Nothing is published yet: `tenant.deleted` goes out with the last write of the job.
      const outcome = await this.tenants.update(next, current.version, []);
      return outcome === 'written' ? { outcome, value: next } : { outcome };
    });
    await this.jobs.enqueue(tenantDeletionJob(code));
    return deleting;
  }
}
