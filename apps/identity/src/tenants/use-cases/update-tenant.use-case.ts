import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import {
  editTenant,
  isDeleting,
  isVisible,
  type PublishedTenant,
  type TenantChanges,
} from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantBeingDeletedError, TenantNotFoundError } from '../tenants.errors';
import { authorizeTenantAction } from './tenant-access';
import { tenantEvent } from './tenant-events';

export interface UpdateTenantCommand {
  actor: TenantActor;
  code: string;
  /** A new name, a new time zone (IANA), or both; what is absent stays as it is. */
  changes: TenantChanges;
  /** The version the caller read (`If-Match`): another one refuses the change (412). */
  expectedVersion?: number;
}

/**
 * ID-T2: renames an active tenant or changes its time zone, and publishes `tenant.updated`;
 * the same values change nothing. A tenant being deleted is not edited (`TENANT.BEING_DELETED`); a caller that read another
 * version than the current one changes nothing (`REQUEST.STALE_VERSION`).
 */
@Injectable()
export class UpdateTenantUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: UpdateTenantCommand): Promise<PublishedTenant> {
    const { code } = command;
    authorizeTenantAction(command.actor, 'update', code);
    return withOptimisticRetry<PublishedTenant>(async () => {
      const current = await this.tenants.findById(code);
      if (isDeleting(current)) throw new TenantBeingDeletedError(code);
      if (!isVisible(current)) throw new TenantNotFoundError(code);
      assertExpectedVersion(command.expectedVersion, current.version);
      const now = this.clock.now();
      const decision = editTenant(current, command.changes, now);
      if (decision.outcome === 'unchanged') return { outcome: 'written', value: current };
      const updated = tenantEvent(this.events, 'tenant.updated', decision.tenant, now);
      const outcome = await this.tenants.update(decision.tenant, current.version, [updated]);
      return outcome === 'written' ? { outcome, value: decision.tenant } : { outcome };
    });
  }
}
