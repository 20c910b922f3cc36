import type { ShownTenant } from '../domain/tenant';
import type { CreatedTenant } from '../use-cases/create-tenant.use-case';

export class TenantResponseDto {
  /** The code: a tenant's id is its code. */
  id!: string;
  code!: string;
  name!: string;
  /** IANA time zone, e.g. `Europe/Rome`: the tenant's days (an assignment's default start) are counted in it. */
  timezone!: string;
  /** `deleting` from the deletion's request until its accounts are deactivated; then `deleted` (404). */
  state!: ShownTenant['state'];
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(tenant: ShownTenant): TenantResponseDto {
    return {
      id: tenant.id,
      code: tenant.code,
      name: tenant.name,
      timezone: tenant.timezone,
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
