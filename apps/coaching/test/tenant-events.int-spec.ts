import { TenantsStream, UsersStream, type TenantStateV1 } from '@lms/contracts';
import { brokersFromEnv, createKafka, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import { calendarDateOf } from '../src/assignments/domain/calendar-date';
import { calendarDateIn } from '../src/tenants/domain/tenant-calendar';
import {
  COACHING_TENANT_REPOSITORY,
  type CoachingTenantRepository,
} from '../src/tenants/ports/coaching-tenant.repository';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import {
  aUserState,
  IdentityEvents,
  sendAndWaitUntilConsumed,
  untilTheServiceConsumesTenants,
} from './support/identity-events';

const logger = createLogger('coaching-int-test', { level: 'warn' });

/**
 * A zone whose day is not UTC's for the next hour or so, so that a start date counted in UTC
 * would show: Kiritimati (UTC+14) is a day ahead from 10:00 UTC, Pago Pago (UTC-11) a day
 * behind until 11:00 UTC.
 */
function aZoneWhoseDayIsNotUtcs(now: Date): string {
  return now.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

/**
 * Identity's tenants stream keeps coaching's projection of tenants (rule 2), and a start date
 * left out is today in the tenant's time zone (CO-A1, CO-A8): real `tenant.*` envelopes on the
 * real topic, the service's own consumer, the real database, the HTTP API.
 */
describe("coaching's projection of tenants and their days, against Kafka and Mongo", () => {
  const tenantId = `tz-${uniqueSuffix()}`;
  let consumerGroup: string;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let tenants: CoachingTenantRepository;
  let users: CoachingUserRepository;

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    tenants = service.app.get<CoachingTenantRepository>(COACHING_TENANT_REPOSITORY);
    users = service.app.get<CoachingUserRepository>(COACHING_USER_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-tenants-it' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    await untilTheServiceConsumesTenants(identity, tenants);
  });

  afterAll(async () => {
    await identity?.close();
    await service?.close();
  });

  /** Sends tenant events and waits until the service has handled them, applied or ignored. */
  function sendAndWait(...entries: OutboxEntry[]): Promise<void> {
    return sendAndWaitUntilConsumed(kafka, consumerGroup, TenantsStream, () => identity.send(...entries));
  }

  function aTenant(code: string, timezone?: string): TenantStateV1 {
    return { code, name: `Tenant ${code}`, state: 'active', ...(timezone ? { timezone } : {}) };
  }

  it('given tenant events delivered twice and an older one after a newer one, then the projection ends at the newest time zone', async () => {
    const code = `tz-${uniqueSuffix()}`;
    const created = identity.tenantState('tenant.created', aTenant(code, 'Asia/Tokyo'), 2);
    const moved = identity.tenantState('tenant.updated', aTenant(code, 'America/New_York'), 3);
    const old = `tz-old-${uniqueSuffix()}`;

    await sendAndWait(
      created,
      moved,
      // An event written before tenants had a time zone.
      identity.tenantState('tenant.created', aTenant(old), 2),
    );
    expect(await tenants.find(code)).toMatchObject({
      state: 'active',
      timezone: 'America/New_York',
      version: 3,
    });
    expect(await tenants.find(old)).toMatchObject({ timezone: 'UTC', version: 2 });
    const before = await tenants.find(code);

    await sendAndWait(
      // The same envelope again, as a redelivery after a crash brings it.
      moved,
      // Older than what is applied, arriving late.
      created,
      identity.tenantState('tenant.updated', aTenant(code, 'Europe/Rome'), 1),
    );
    expect(await tenants.find(code)).toEqual(before);

    await sendAndWait(
      identity.tenantState('tenant.deleted', { ...aTenant(code, 'America/New_York'), state: 'deleted' }, 5),
    );
    expect(await tenants.find(code)).toMatchObject({ state: 'deleted', version: 5 });
  });

  it("given a tenant in a time zone, when an administrator leaves the start date out, then an assignment starts, and an expired one is reactivated, on the tenant's day", async () => {
    const [mentee, coach] = [aUserState('Mia', 'Mentee'), aUserState('Carl', 'Coach')];
    await eventually(
      async () => {
        await sendAndWaitUntilConsumed(kafka, consumerGroup, UsersStream, () =>
          identity.send(...[mentee, coach].map((user) => identity.userState('user.created', user, 1))),
        );
        expect(await users.findMany(tenantId, [mentee.userId, coach.userId])).toHaveLength(2);
      },
      { timeoutMs: 60_000 },
    );
    const zone = aZoneWhoseDayIsNotUtcs(new Date());
    await sendAndWait(identity.tenantState('tenant.created', aTenant(tenantId, zone), 2));
    expect(await tenants.find(tenantId)).toMatchObject({ timezone: zone });

    const before = new Date();
    const created = await service.request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [coach.userId],
    });
    const expired = await service.request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [coach.userId],
      startDate: '2025-01-01',
      endDate: '2025-01-31',
    });
    const reactivated = await service.request(
      'POST',
      `/v1/assignments/${(expired.body as { id: string }).id}/reactivate`,
      {},
    );
    const after = new Date();

    // The tenant's day, which is not UTC's (the zone was chosen so).
    const tenantsDays = [calendarDateIn(zone, before), calendarDateIn(zone, after)];
    expect(calendarDateIn(zone, before)).not.toBe(calendarDateOf(before));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'current', endDate: null });
    expect(tenantsDays).toContain((created.body as { startDate: string }).startDate);
    expect(expired.body).toMatchObject({ status: 'expired' });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ status: 'current', endDate: null, version: 2 });
    expect(tenantsDays).toContain((reactivated.body as { startDate: string }).startDate);
  });
});
