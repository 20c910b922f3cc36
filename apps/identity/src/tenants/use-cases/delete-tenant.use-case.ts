import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { withOptimisticRetry } from '../../shared/optimistic-concurrency';
import type { User } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { isVisible, markDeleted } from '../domain/tenant';
import { deactivateForTenantDeletion } from '../domain/tenant-deletion';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantNotFoundError } from '../tenants.errors';
import { authorizeTenantAction } from './tenant-access';
import { tenantEvent } from './tenant-events';

/** Accounts read, and deactivated together, per page. */
const ACCOUNTS_PER_PAGE = 200;

/**
 * ID-T2: deletes a tenant. Every account of the tenant is deactivated first (each by a
 * compare-and-set on its version, page by page), then the tenant is marked `deleted` with
 * `tenant.deleted` in the same write; the document stays, so the code is never given again.
 * Nothing is purged. A failure half-way leaves the tenant active with some accounts
 * deactivated: the same request sent again carries on.
 */
@Injectable()
export class DeleteTenantUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { actor: TenantActor; code: string }): Promise<void> {
    const { code } = command;
    authorizeTenantAction(command.actor, 'delete', code);
    if (!isVisible(await this.tenants.findById(code))) throw new TenantNotFoundError(code);

    await this.deactivateAccounts(code);
    await withOptimisticRetry<null>(async () => {
      const current = await this.tenants.findById(code);
      if (!isVisible(current)) throw new TenantNotFoundError(code);
      const now = this.clock.now();
      const deleted = markDeleted(current, now);
      const outcome = await this.tenants.update(deleted, current.version, [
        tenantEvent(this.events, 'tenant.deleted', deleted, now),
      ]);
      return outcome === 'written' ? { outcome, value: null } : { outcome };
    });
  }

  private async deactivateAccounts(tenantId: string): Promise<void> {
    // Deactivating changes no account's place in the list (by id), so the offsets hold.
    for (let offset: number | null = 0; offset !== null; ) {
      const page = await this.users.list(tenantId, {}, { limit: ACCOUNTS_PER_PAGE, offset });
      await Promise.all(page.items.map((user) => this.deactivate(user)));
      offset = page.nextOffset;
    }
  }

  /** The listed state first; after a lost race, the account as it is now. */
  private deactivate(listed: User): Promise<null> {
    let attempts = 0;
    return withOptimisticRetry<null>(async () => {
      const user = attempts++ === 0 ? listed : await this.users.findById(listed.tenantId, listed.id);
      const deactivated = user && deactivateForTenantDeletion(user, this.clock.now());
      if (!user || !deactivated) return { outcome: 'written', value: null };
      const outcome = await this.users.update(deactivated, user.version, []);
      return outcome === 'written' ? { outcome, value: null } : { outcome };
    });
  }
}
