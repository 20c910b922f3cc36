import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { isVisible, type PublishedTenant } from '../domain/tenant';
import type { TenantActor } from '../domain/tenant-permissions';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { authorizeTenantAction } from './tenant-access';

export interface ListTenantsQuery {
  actor: TenantActor;
  page: PageRequest;
}

/** ID-T2: the active tenants in code order; deleted ones are not listed. */
@Injectable()
export class ListTenantsUseCase {
  constructor(@Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository) {}

  async execute(query: ListTenantsQuery): Promise<Page<PublishedTenant>> {
    authorizeTenantAction(query.actor, 'list');
    const page = await this.tenants.list('active', query.page);
    return { ...page, items: page.items.filter(isVisible) };
  }
}
