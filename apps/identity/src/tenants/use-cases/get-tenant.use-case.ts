import { Inject, Injectable } from '@nestjs/common';
import { isVisible, type PublishedTenant } from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { TenantNotFoundError } from '../tenants.errors';
import { authorizeTenantAction } from './tenant-access';

/** ID-T2: an active tenant; a deleted or unfinished one answers `TENANT.NOT_FOUND`. */
@Injectable()
export class GetTenantUseCase {
  constructor(@Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository) {}

  async execute(query: { actor: TenantActor; code: string }): Promise<PublishedTenant> {
    authorizeTenantAction(query.actor, 'read', query.code);
    const tenant = await this.tenants.findById(query.code);
    if (!isVisible(tenant)) throw new TenantNotFoundError(query.code);
    return tenant;
  }
}
