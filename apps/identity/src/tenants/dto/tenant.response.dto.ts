import type { TenantState } from '@lms/contracts';
import type { PublishedTenant } from '../domain/tenant';
import type { CreatedTenant } from '../use-cases/create-tenant.use-case';

export class TenantResponseDto {
  /** The code: a tenant's id is its code. */
  id!: string;
  code!: string;
  name!: string;
  state!: TenantState;
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(tenant: PublishedTenant): TenantResponseDto {
    return {
      id: tenant.id,
      code: tenant.code,
      name: tenant.name,
      state: tenant.state,
      createdAt: tenant.createdAt.toISOString(),
      updatedAt: tenant.updatedAt.toISOString(),
      version: tenant.version,
    };
  }
}

/** A new tenant and the id of its first Application Administrator. */
export class CreatedTenantResponseDto {
  tenant!: TenantResponseDto;
  administratorId!: string;

  static from(created: CreatedTenant): CreatedTenantResponseDto {
    return { tenant: TenantResponseDto.from(created.tenant), administratorId: created.administratorId };
  }
}
