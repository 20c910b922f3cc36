import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import type { Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config';
import type { User } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { UserWriter } from '../../users/use-cases/user-writes';
import { UserNotFoundError } from '../../users/users.errors';
import { isDeleting, markDeleted } from '../domain/tenant';
import { deactivateForTenantDeletion } from '../domain/tenant-deletion';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { tenantEvent } from './tenant-events';

export interface RunTenantDeletionCommand {
  code: string;
}

/** What one chunk did, and whether the deletion has more to do. */
export interface TenantDeletionChunkOutcome {
  /** Accounts this chunk deactivated (a chunk run again counts only its own). */
  deactivated: number;
  more: boolean;
}

/**
 * ID-T2: the deletion of a tenant left `deleting` by {@link DeleteTenantUseCase}, run as a job
 * (`TenantDeletionJob`), one chunk at a time, on whichever instance holds the job's lease.
 *
 * Each chunk reads a page of the tenant's accounts that are not deactivated yet and
 * deactivates each through {@link UserWriter}: a compare-and-set on its version with its
 * `user.updated` in the same write (rule 1). A deactivated account leaves the page's query,
 * so the progress is the accounts themselves: no cursor is saved, a chunk run twice or on two
 * instances writes each account once, and an account changed meanwhile is read again. A page
 * with nothing left marks the tenant `deleted` with `tenant.deleted` in the same write. No
 * account can be added behind that last page: a tenant whose deletion has started takes no new
 * accounts, and an account created while it started is deactivated by its creator (see
 * `CreateUserUseCase`).
 */
@Injectable()
export class RunTenantDeletionUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Runs every chunk until the tenant is deleted (scripts and tests; the service runs it as a job). */
  async execute(command: RunTenantDeletionCommand): Promise<{ deactivated: number }> {
    let deactivated = 0;
    for (;;) {
      const chunk = await this.runChunk(command);
      deactivated += chunk.deactivated;
      if (!chunk.more) return { deactivated };
    }
  }

  async runChunk(command: RunTenantDeletionCommand): Promise<TenantDeletionChunkOutcome> {
    const { code } = command;
    const tenant = await this.tenants.findById(code);
    if (!isDeleting(tenant)) {
      // Deleted by an earlier run of this job; anything else was never asked to be deleted.
      if (tenant?.state !== 'deleted')
        this.logger.warn(
          { tenantId: code, state: tenant?.state ?? null },
          'deletion of a tenant not deleting skipped',
        );
      return { deactivated: 0, more: false };
    }
    const accounts = await this.users.listNotDeactivated(code, this.config.tenants.deletionChunkSize);
    if (accounts.length > 0) {
      const changed = await Promise.all(accounts.map((user) => this.deactivate(user)));
      return { deactivated: changed.filter(Boolean).length, more: true };
    }
    await this.markDeleted(code);
    this.logger.info({ tenantId: code }, 'tenant deleted');
    return { deactivated: 0, more: false };
  }

  /** True when this run deactivated the account; false when it was deactivated or deleted meanwhile. */
  private async deactivate(user: User): Promise<boolean> {
    try {
      const written = await this.writer.change({ tenantId: user.tenantId, userId: user.id }, (current) =>
        deactivateForTenantDeletion(current, this.clock.now()),
      );
      return written.outcome === 'changed';
    } catch (error) {
      if (error instanceof UserNotFoundError) return false;
      throw error;
    }
  }

  private markDeleted(code: string): Promise<null> {
    return withOptimisticRetry<null>(async () => {
      const current = await this.tenants.findById(code);
      if (!isDeleting(current)) return { outcome: 'written', value: null }; // another run finished it
      const now = this.clock.now();
      const deleted = markDeleted(current, now);
      const outcome = await this.tenants.update(deleted, current.version, [
        tenantEvent(this.events, 'tenant.deleted', deleted, now),
      ]);
      return outcome === 'written' ? { outcome, value: null } : { outcome };
    });
  }
}
