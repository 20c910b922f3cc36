import { TenantsStream } from '@lms/contracts';
import type { EventFactory, OutboxEntry } from '@lms/messaging';
import type { PublishedTenant } from '../domain/tenant';

type TenantEventType = keyof typeof TenantsStream.events & string;

/** The event of a tenant's change, carrying its full state; the tenant is its own tenant id. */
export function tenantEvent(
  events: EventFactory,
  type: TenantEventType,
  tenant: PublishedTenant,
  occurredAt: Date,
): OutboxEntry {
  return events.create(TenantsStream, type, {
    tenantId: tenant.code,
    aggregateId: tenant.code,
    aggregateVersion: tenant.version,
    occurredAt,
    payload: {
      code: tenant.code,
      name: tenant.name,
      state: tenant.state,
      timezone: tenant.timezone,
      ownerId: tenant.ownerId,
    },
  });
}
