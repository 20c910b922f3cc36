import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { activate, isDeleting, isPublished, type PublishedTenant } from '../domain/tenant';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantAdministratorConflictError, TenantNotFoundError } from '../tenants.errors';
import { AdministratorAccounts } from './administrator-accounts';
import { tenantEvent } from './tenant-events';

/**
 * ID-T2: finishes a tenant left `provisioning`, whoever left it (the request that wrote it,
 * a retry of that request, or a crash found at start-up). Every step may run again, and two
 * runs at once end in the same state:
 *
 * 1. the first administrator is created under the user id the tenant holds: a duplicate id
 *    means an earlier run created it;
 * 2. the tenant becomes `active` by a compare-and-set from its `provisioning` version, with
 *    `tenant.created` in the same write (rule 1); a run that loses the race reads it active.
 *
 * No transaction is needed: until step 2 the tenant is seen by nobody, and its code is taken.
 */
@Injectable()
export class FinishTenantProvisioningUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly administrators: AdministratorAccounts,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { code: string }): Promise<PublishedTenant> {
    const { code } = command;
    const tenant = await this.tenants.findById(code);
    if (!tenant || isDeleting(tenant)) throw new TenantNotFoundError(code);
    if (isPublished(tenant)) return tenant;
    const pending = tenant.pendingAdministrator;
    if (pending) {
      const { userId, ...account } = pending;
      const outcome = await this.administrators.create(
        { ...account, id: userId, tenantId: code },
        this.clock.now(),
      );
      if (outcome === 'email-taken') throw new TenantAdministratorConflictError(code);
    }
    return withOptimisticRetry<PublishedTenant>(async () => {
      const current = await this.tenants.findById(code);
      if (!current || isDeleting(current)) throw new TenantNotFoundError(code);
      if (isPublished(current)) return { outcome: 'written', value: current };
      const now = this.clock.now();
      const active = activate(current, now);
      const created = tenantEvent(this.events, 'tenant.created', active, now);
      const outcome = await this.tenants.update(active, current.version, [created]);
      return outcome === 'written' ? { outcome, value: active } : { outcome };
    });
  }
}
