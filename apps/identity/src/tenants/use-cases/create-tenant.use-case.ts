import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import { PASSWORD_HASHER, type PasswordHasher } from '../../auth/ports/password-hasher';
import { isProvisioningOf, isTenantCode, startProvisioning, type PublishedTenant } from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantCodeInvalidError, TenantCodeTakenError } from '../tenants.errors';
import { FinishTenantProvisioningUseCase } from './finish-tenant-provisioning.use-case';
import { authorizeTenantAction } from './tenant-access';

export interface CreateTenantCommand {
  actor: TenantActor;
  code: string;
  name: string;
  /** IANA time zone the tenant's days are counted in; UTC when absent. */
  timezone?: string;
  /** The tenant's first Application Administrator (ID-T2). */
  administrator: { email: string; firstName: string; lastName: string; password: string };
}

export interface CreatedTenant {
  tenant: PublishedTenant;
  administratorId: string;
}

/**
 * ID-T2: creates a tenant and its first Application Administrator in one call, without a
 * transaction. The tenant is written first, `provisioning`, holding everything needed to
 * finish (the administrator's chosen id and password hash); then
 * {@link FinishTenantProvisioningUseCase} creates the administrator and activates the
 * tenant. A failure in between leaves a `provisioning` tenant that nobody sees: the same
 * request sent again finishes it, and so does every instance at start-up.
 */
@Injectable()
export class CreateTenantUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly finish: FinishTenantProvisioningUseCase,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateTenantCommand): Promise<CreatedTenant> {
    const { code, administrator } = command;
    authorizeTenantAction(command.actor, 'create', code);
    if (!isTenantCode(code)) throw new TenantCodeInvalidError(code);

    let tenant = await this.tenants.findById(code);
    if (!tenant) {
      const now = this.clock.now();
      const { password, ...person } = administrator;
      const written = startProvisioning(
        {
          code,
          name: command.name,
          timezone: command.timezone,
          administrator: {
            ...person,
            userId: newId(now),
            adminRoles: ['application_admin'],
            passwordHash: await this.passwords.hash(password),
          },
        },
        now,
      );
      const outcome = await this.tenants.insert(written, []);
      tenant = outcome === 'inserted' ? written : await this.tenants.findById(code);
    }
    if (
      !tenant?.pendingAdministrator ||
      !isProvisioningOf(tenant, { administratorEmail: administrator.email })
    )
      throw new TenantCodeTakenError(code);

    const administratorId = tenant.pendingAdministrator.userId;
    return { tenant: await this.finish.execute({ code }), administratorId };
  }
}
