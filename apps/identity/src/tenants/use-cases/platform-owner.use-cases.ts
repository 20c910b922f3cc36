import { Inject, Injectable } from '@nestjs/common';
import { administersTenant } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import { AdministratorRegistry } from '../../admin-roles/use-cases/administrator-registry';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { handOwnership, isVisible, type ActiveTenant } from '../domain/tenant';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import {
  TenantForbiddenError,
  TenantNotFoundError,
  TenantNotOwnerError,
  TenantOwnerInvalidError,
} from '../tenants.errors';
import { tenantEvent } from './tenant-events';

/** Who asks: its tenant, account, administrative roles and level. */
export interface OwnerActor {
  tenantId: string;
  userId: string | null;
  roles: readonly string[];
  level?: string;
}

/** The caller's own tenant, active. */
async function ownTenant(tenants: TenantRepository, tenantId: string): Promise<ActiveTenant> {
  const tenant = await tenants.findById(tenantId);
  if (!isVisible(tenant)) throw new TenantNotFoundError(tenantId);
  return tenant;
}

/** ID-G5: who owns the caller's platform; read by its administrators. */
@Injectable()
export class GetPlatformOwnerUseCase {
  constructor(@Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository) {}

  async execute(actor: OwnerActor): Promise<ActiveTenant> {
    if (!administersTenant(actor)) throw new TenantForbiddenError();
    return ownTenant(this.tenants, actor.tenantId);
  }
}

/**
 * ID-G5 (seed 003 "Change the platform's Owner"): the Platform Owner hands ownership to another
 * activated or active account of its tenant, which is made an Application Administrator if it
 * is no administrator yet; the former owner keeps its administrator role (it "takes on an Admin
 * Role"). A tenant stored before tenants had an owner is given one by any of its
 * administrators. `tenant.updated` carries the new owner. Handing it to the owner changes nothing.
 */
@Injectable()
export class HandPlatformOwnershipUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly administrators: AdministratorRegistry,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { actor: OwnerActor; userId: string }): Promise<ActiveTenant> {
    const { actor, userId } = command;
    const current = await ownTenant(this.tenants, actor.tenantId);
    const ownerless = current.ownerId === null && administersTenant(actor);
    if (!ownerless && (actor.userId === null || current.ownerId !== actor.userId))
      throw new TenantNotOwnerError(current.code);
    const heir = await this.users.findById(current.code, userId);
    if (!heir) throw new TenantOwnerInvalidError(userId, 'unknown');
    if (heir.state !== 'active' && heir.state !== 'activated')
      throw new TenantOwnerInvalidError(userId, 'not_active');
    if (current.ownerId === userId) return current;
    // The owner administers its platform: the heir is made an administrator first, so that a
    // crash in between leaves an administrator, never an owner who is none.
    if (heir.adminRoles.length === 0)
      await this.administrators.changeRole(current.code, userId, 'application_admin', 'grant');
    return withOptimisticRetry<ActiveTenant>(async () => {
      const tenant = await ownTenant(this.tenants, actor.tenantId);
      const decision = handOwnership(tenant, userId, this.clock.now());
      if (decision.outcome === 'unchanged') return { outcome: 'written', value: tenant };
      const updated = tenantEvent(this.events, 'tenant.updated', decision.tenant, decision.tenant.updatedAt);
      const outcome = await this.tenants.update(decision.tenant, tenant.version, [updated]);
      return outcome === 'written' ? { outcome, value: decision.tenant } : { outcome };
    });
  }
}
