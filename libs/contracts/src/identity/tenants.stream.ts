import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineStream } from '../define-stream';

/** A tenant's code: its id, used as `tenantId` everywhere, never changed and never reused. */
export const TENANT_CODE_PATTERN = /^[a-z0-9][a-z0-9-]{2,31}$/;

/** The host tenant (ID-T1): there from installation, home of the System Administrators. */
export const HOST_TENANT_CODE = '1000';

export const TENANT_STATES = ['active', 'deleted'] as const;
export type TenantState = (typeof TENANT_STATES)[number];

/** The time zone of a tenant that has not chosen one, and of an event written before tenants had one. */
export const DEFAULT_TENANT_TIMEZONE = 'UTC';

/** Full state of a tenant (event-carried state transfer): a projection needs nothing else. */
export class TenantStateV1 {
  @Matches(TENANT_CODE_PATTERN) code!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(TENANT_STATES) state!: TenantState;
  /**
   * IANA time zone, e.g. `Europe/Rome`: the tenant's days (an assignment's default start) are
   * counted in it. Always sent; absent only from events written before tenants had one, which
   * mean {@link DEFAULT_TENANT_TIMEZONE}.
   */
  @IsOptional() @IsString() @Length(1, 64) timezone?: string;
  /** ID-G5: the Platform Owner's user id; null or absent for a tenant stored before owners. */
  @IsOptional() @IsUUID() ownerId?: string | null;
}

export class TenantCreatedV1 extends TenantStateV1 {}
export class TenantUpdatedV1 extends TenantStateV1 {}
export class TenantDeletedV1 extends TenantStateV1 {}

export const TenantsStream = defineStream({
  topic: 'identity.tenants.v1',
  partitions: 3,
  compacted: true,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'tenant.created': TenantCreatedV1,
    'tenant.updated': TenantUpdatedV1,
    'tenant.deleted': TenantDeletedV1,
  },
});
