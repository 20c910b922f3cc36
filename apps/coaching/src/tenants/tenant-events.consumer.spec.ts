import { TenantsStream, type EnvelopeOf, type TenantStateV1 } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { buildCoachingTestbed, TENANT } from '../testing/coaching-testbed';
import { TenantEventsConsumer } from './tenant-events.consumer';

const identity = new EventFactory('identity');
type TenantEvents = typeof TenantsStream.events;
type TenantEventType = 'tenant.created' | 'tenant.updated' | 'tenant.deleted';

/** An event of the tenant as identity publishes it: the tenant is its own tenant id. */
function event(type: TenantEventType, version: number, payload: TenantStateV1) {
  return identity.create(TenantsStream, type, {
    tenantId: TENANT,
    aggregateId: TENANT,
    aggregateVersion: version,
    occurredAt: new Date('2025-03-10T23:30:00.000Z'),
    payload,
  }).envelope as EnvelopeOf<TenantEvents, TenantEventType>;
}

function setUp() {
  const t = buildCoachingTestbed({ now: '2025-03-10T23:30:00.000Z' });
  return { t, consumer: new TenantEventsConsumer(t.applyTenantEvents) };
}

describe('TenantEventsConsumer', () => {
  it('given tenant events, then the projection holds the newest state and time zone, at the envelope version', async () => {
    const { t, consumer } = setUp();

    await consumer.onTenantEvents([
      event('tenant.created', 2, { code: TENANT, name: 'Acme', state: 'active', timezone: 'Asia/Tokyo' }),
      event('tenant.updated', 3, {
        code: TENANT,
        name: 'Acme',
        state: 'active',
        timezone: 'America/New_York',
      }),
    ]);

    expect(await t.tenants.find(TENANT)).toEqual({
      tenantId: TENANT,
      state: 'active',
      timezone: 'America/New_York',
      version: 3,
      updatedAt: new Date('2025-03-10T23:30:00.000Z'),
    });
    await consumer.onTenantEvents([
      event('tenant.deleted', 5, {
        code: TENANT,
        name: 'Acme',
        state: 'deleted',
        timezone: 'America/New_York',
      }),
    ]);
    expect(await t.tenants.find(TENANT)).toMatchObject({ state: 'deleted', version: 5 });
  });

  it('given an event written before tenants had a time zone, then the tenant counts its days in UTC', async () => {
    const { t, consumer } = setUp();

    await consumer.onTenantEvents([
      event('tenant.created', 2, { code: TENANT, name: 'Acme', state: 'active' }),
    ]);

    expect(await t.tenants.find(TENANT)).toMatchObject({ timezone: 'UTC', version: 2 });
    expect(await t.calendar.todayOf(TENANT, t.clock.now())).toBe('2025-03-10');
  });
});
