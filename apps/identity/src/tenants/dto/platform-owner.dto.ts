import { IsUUID } from 'class-validator';
import type { ActiveTenant } from '../domain/tenant';

/** `PUT /v1/tenant/owner` (ID-G5): the account the ownership goes to. */
export class HandOwnershipRequestDto {
  @IsUUID()
  userId!: string;
}

/** Who owns the caller's platform (ID-G5). */
export class PlatformOwnerResponseDto {
  tenantCode!: string;
  /** The Platform Owner's user id; null only for a platform from before owners. */
  ownerId!: string | null;
  /** The tenant's version, which every change of its owner increments. */
  version!: number;

  static from(tenant: ActiveTenant): PlatformOwnerResponseDto {
    return { tenantCode: tenant.code, ownerId: tenant.ownerId, version: tenant.version };
  }
}
