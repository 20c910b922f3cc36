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

/**
 * Folds the changes of ONE tenant (a batch may hold several versions of it, in any order) into
 * the one write that brings the projection from `storedVersion` (null: not projected yet) to
 * the newest of them. `newer[i]` tells whether `changes[i]` was newer than the stored version
 * and every change of the batch before it in version order (applied) or not (stale: a
 * redelivery, an older copy); `write` is null when none is newer.
 */
export function foldCoachingTenantChanges(
  storedVersion: number | null,
  changes: readonly CoachingTenantChange[],
): { newer: boolean[]; write: CoachingTenantChange | null } {
  const newer = changes.map(() => false);
  let write: CoachingTenantChange | null = null;
  const inVersionOrder = changes.map((change, index) => ({ change, index }));
  inVersionOrder.sort((a, b) => a.change.version - b.change.version || a.index - b.index);
  for (const { change, index } of inVersionOrder) {
    if (change.version <= (write?.version ?? storedVersion ?? Number.NEGATIVE_INFINITY)) continue;
    newer[index] = true;
    write = change;
  }
  return { newer, write };
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
