import { buildCoachingTestbed, OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import type { CoachingTenantChange } from '../domain/coaching-tenant';

const LATE_EVENING = '2025-03-10T23:30:00.000Z';

function change(version: number, timezone?: string, tenantId = TENANT): CoachingTenantChange {
  return {
    tenantId,
    version,
    occurredAt: new Date(LATE_EVENING),
    state: 'active',
    ...(timezone === undefined ? {} : { timezone }),
  };
}

describe("ApplyTenantEventsUseCase and the tenant's calendar", () => {
  it('given a tenant.created in Asia/Tokyo, then the tenant is projected and its today is the next UTC day at 23:30 UTC', async () => {
    const t = buildCoachingTestbed({ now: LATE_EVENING });

    expect(await t.applyTenantEvents.execute([change(2, 'Asia/Tokyo')])).toEqual(['applied']);

    expect(await t.tenants.find(TENANT)).toEqual({
      tenantId: TENANT,
      state: 'active',
      timezone: 'Asia/Tokyo',
      version: 2,
      updatedAt: new Date(LATE_EVENING),
    });
    expect(await t.calendar.todayOf(TENANT, t.clock.now())).toBe('2025-03-11');
  });

  it('given a tenant not projected yet, or one whose event has no time zone, then its today is the UTC day', async () => {
    const t = buildCoachingTestbed({ now: LATE_EVENING });
    await t.applyTenantEvents.execute([change(1, undefined, OTHER_TENANT)]);

    expect(await t.calendar.todayOf(TENANT, t.clock.now())).toBe('2025-03-10');
    expect(await t.tenants.find(OTHER_TENANT)).toMatchObject({ timezone: 'UTC' });
    expect(await t.calendar.todayOf(OTHER_TENANT, t.clock.now())).toBe('2025-03-10');
  });

  it('given the same event twice and an older one after a newer one, then the newest zone stays', async () => {
    const t = buildCoachingTestbed({ now: LATE_EVENING });
    await t.applyTenantEvents.execute([change(3, 'America/New_York')]);

    expect(await t.applyTenantEvents.execute([change(3, 'America/New_York')])).toEqual(['stale']);
    expect(await t.applyTenantEvents.execute([change(2, 'Asia/Tokyo')])).toEqual(['stale']);
    expect(
      await t.applyTenantEvents.execute([
        change(5, 'Asia/Tokyo'),
        change(4, 'Europe/Rome'),
        change(5, 'Asia/Tokyo'),
      ]),
    ).toEqual(['applied', 'applied', 'stale']);

    expect(await t.tenants.find(TENANT)).toMatchObject({ timezone: 'Asia/Tokyo', version: 5 });
    expect(await t.applyTenantEvents.execute([])).toEqual([]);
  });
});
