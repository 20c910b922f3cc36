import { DEFAULT_TENANT_TIMEZONE, type TenantState } from '@lms/contracts';

/**
 * What coaching knows of a tenant: a projection of identity's tenants stream, kept so that the
 * tenant's days can be counted in its time zone without asking identity. Only the fields
 * coaching needs.
 */
export interface CoachingTenant {
  /** The tenant's code, which is its id. */
  tenantId: string;
  state: TenantState;
  /** IANA time zone the tenant's days are counted in, e.g. `Europe/Rome`. */
  timezone: string;
  /** The tenant's `aggregateVersion` last applied: an event not newer changes nothing. */
  version: number;
  /** When identity made the change last applied (the event's time). */
  updatedAt: Date;
}

/** One tenant event, as the projection applies it: each carries the tenant's full state. */
export interface CoachingTenantChange {
  tenantId: string;
  /** The event's `aggregateVersion`. */
  version: number;
  occurredAt: Date;
  state: TenantState;
  /** Absent from an event written before tenants had a time zone: UTC. */
  timezone?: string;
}

/** What the projection holds of a tenant once `change` is applied: the full state it carries. */
export function coachingTenantAfter(change: CoachingTenantChange): CoachingTenant {
  return {
    tenantId: change.tenantId,
    state: change.state,
    timezone: change.timezone ?? DEFAULT_TENANT_TIMEZONE,
    version: change.version,
    updatedAt: new Date(change.occurredAt),
  };
}

/** The time zone a tenant's days are counted in: UTC for one the projection has not seen yet. */
export function timezoneOf(tenant: CoachingTenant | null): string {
  return tenant?.timezone ?? DEFAULT_TENANT_TIMEZONE;
}
