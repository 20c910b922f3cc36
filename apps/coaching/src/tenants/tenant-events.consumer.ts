import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { TenantsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import type { CoachingTenantChange } from './domain/coaching-tenant';
import { ApplyTenantEventsUseCase } from './use-cases/apply-tenant-events.use-case';

type TenantEvents = typeof TenantsStream.events;
type TenantEvent =
  | EnvelopeOf<TenantEvents, 'tenant.created'>
  | EnvelopeOf<TenantEvents, 'tenant.updated'>
  | EnvelopeOf<TenantEvents, 'tenant.deleted'>;

/** Kafka adapter: identity's tenant events keep coaching's projection of tenants. */
@Controller()
export class TenantEventsConsumer {
  constructor(private readonly applyTenantEvents: ApplyTenantEventsUseCase) {}

  @OnEventBatch(TenantsStream, ['tenant.created', 'tenant.updated', 'tenant.deleted'])
  async onTenantEvents(@Payload() events: TenantEvent[]): Promise<void> {
    await this.applyTenantEvents.execute(events.map(toChange));
  }
}

/** Every tenant event carries the tenant's full state; the tenant is its own tenant id. */
function toChange(event: TenantEvent): CoachingTenantChange {
  const { state, timezone } = event.payload;
  return {
    tenantId: event.tenantId,
    version: event.aggregateVersion,
    occurredAt: new Date(event.occurredAt),
    state,
    ...(timezone === undefined ? {} : { timezone }),
  };
}
