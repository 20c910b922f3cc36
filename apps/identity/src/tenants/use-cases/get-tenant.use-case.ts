import { Inject, Injectable } from '@nestjs/common';
import { isReadable, type ShownTenant } from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantNotFoundError } from '../tenants.errors';
import { authorizeTenantAction } from './tenant-access';

/**
 * ID-T2: an active tenant, or one being deleted (so that its deletion can be followed); a
 * deleted or unfinished one answers `TENANT.NOT_FOUND`.
 */
@Injectable()
export class GetTenantUseCase {
  constructor(@Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository) {}

  async execute(query: { actor: TenantActor; code: string }): Promise<ShownTenant> {
    authorizeTenantAction(query.actor, 'read', query.code);
    const tenant = await this.tenants.findById(query.code);
    if (!isReadable(tenant)) throw new TenantNotFoundError(query.code);
    return tenant;
  }
}
