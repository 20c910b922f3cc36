import type { Connection } from 'mongoose';
import { TenantsStream } from '@lms/contracts';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { newId } from '@lms/kernel';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { PASSWORD_HASHER, type PasswordHasher } from '../src/auth/ports/password-hasher';
import { HOST_ADMINISTRATOR_ID, startProvisioning } from '../src/tenants/domain/tenant';
import { TENANT_REPOSITORY, type TenantRepository } from '../src/tenants/ports/tenant.repository';
import {
  BootstrapHostTenantUseCase,
  type BootstrapHostTenantCommand,
} from '../src/tenants/use-cases/bootstrap-host-tenant.use-case';
import { ResumeTenantProvisioningUseCase } from '../src/tenants/use-cases/resume-tenant-provisioning.use-case';
import { startIdentity } from './support/identity-app';
import { expectProblem } from '@lms/service-testing';

// The first start's settings, read when the app module loads.
const bootstrap: BootstrapHostTenantCommand = {
  hostTenantName: 'Integration Platform',
  hostTenantTimezone: 'Europe/Rome',
  administrator: { email: `root-${uniqueSuffix()}@platform.example.com`, password: 'integration secret 42' },
};
process.env.HOST_TENANT_NAME = bootstrap.hostTenantName;
process.env.HOST_TENANT_TIMEZONE = bootstrap.hostTenantTimezone;
process.env.BOOTSTRAP_ADMIN_EMAIL = bootstrap.administrator.email;
process.env.BOOTSTRAP_ADMIN_PASSWORD = bootstrap.administrator.password ?? '';
isolateTestEnvironment('identity');

const SYSTEM_ADMINISTRATOR: Principal = {
  tenantId: '1000',
  userId: HOST_ADMINISTRATOR_ID,
  level: 'superadmin',
  roles: ['system_admin'],
};

interface TenantBody {
  id: string;
  code: string;
  name: string;
  timezone: string;
  state: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

describe('identity tenants (ID-T1..T3), with real Kafka and Mongo', () => {
  let service: ServiceTestApp;
  let connection: Connection;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity(SYSTEM_ADMINISTRATOR, HOST_ADMINISTRATOR_ID);
    connection = service.app.get<Connection>(MONGO_CONNECTION);
    recorder = await recordStreams([TenantsStream], 'identity-tenants-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  function newTenant(code: string) {
    return {
      code,
      name: `Tenant ${code}`,
      administrator: {
        email: `Admin@${code}.example.com`,
        firstName: 'Ada',
        lastName: 'Admin',
        password: 'correct horse battery',
      },
    };
  }

  /** A collection of documents keyed by a string, as every identity collection is. */
  const collection = (name: string) => connection.collection<{ _id: string; outbox?: unknown[] }>(name);

  const stored = (name: string, filter: Record<string, unknown>) =>
    collection(name).find(filter).project({ outbox: 0 }).toArray();

  describe('at first start', () => {
    it('the host tenant 1000 and its System Administrator exist, with the configured name, time zone, e-mail and password', async () => {
      const host = await service.request('GET', '/v1/tenants/1000');
      expect(host.status).toBe(200);
      expect(host.body).toMatchObject({
        id: '1000',
        code: '1000',
        name: 'Integration Platform',
        timezone: 'Europe/Rome',
        state: 'active',
      });

      const [administrator] = await stored('users', { _id: HOST_ADMINISTRATOR_ID });
      expect(administrator).toMatchObject({
        tenantId: '1000',
        email: bootstrap.administrator.email,
        level: 'superadmin',
        adminRoles: ['system_admin'],
        state: 'activated',
      });
      const hasher = service.app.get<PasswordHasher>(PASSWORD_HASHER);
      expect(await hasher.verify(String(administrator.passwordHash), 'integration secret 42')).toBe(true);
    });

    it('a second run changes nothing', async () => {
      const before = [await stored('tenants', { _id: '1000' }), await stored('users', { tenantId: '1000' })];

      const outcome = await service.app.get(BootstrapHostTenantUseCase).execute(bootstrap);

      expect(outcome).toEqual({ hostTenant: 'existing', administrator: 'existing' });
      expect([await stored('tenants', { _id: '1000' }), await stored('users', { tenantId: '1000' })]).toEqual(
        before,
      );
    });

    it('two runs at once on an empty installation make one host tenant and one System Administrator', async () => {
      await collection('tenants').deleteOne({ _id: '1000' });
      await collection('users').deleteOne({ _id: HOST_ADMINISTRATOR_ID });
      const run = service.app.get(BootstrapHostTenantUseCase);

      const outcomes = await Promise.all([run.execute(bootstrap), run.execute(bootstrap)]);

      expect(outcomes.map((outcome) => outcome.hostTenant).sort()).toEqual(['created', 'existing']);
      expect(outcomes.map((outcome) => outcome.administrator).sort()).toEqual(['created', 'existing']);
      expect(await stored('tenants', { _id: '1000' })).toHaveLength(1);
      expect(await stored('users', { tenantId: '1000', adminRoles: 'system_admin' })).toHaveLength(1);
    });
  });

  it('creates, lists, reads, renames and deletes a tenant, and publishes each change in order', async () => {
    const code = `acme-${uniqueSuffix()}`;

    const created = await service.request('POST', '/v1/tenants', newTenant(code));
    expect(created.status).toBe(201);
    const { tenant, administratorId } = created.body as { tenant: TenantBody; administratorId: string };
    expect(tenant).toEqual({
      id: code,
      code,
      name: `Tenant ${code}`,
      timezone: 'UTC',
      state: 'active',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 2,
    });
    const [administrator] = await stored('users', { _id: administratorId });
    expect(administrator).toMatchObject({
      tenantId: code,
      email: `Admin@${code}.example.com`,
      level: 'superadmin',
      adminRoles: ['application_admin'],
      state: 'activated',
    });

    const listed = await service.request('GET', '/v1/tenants?limit=200');
    expect((listed.body as { items: TenantBody[] }).items).toContainEqual(tenant);
    expect((await service.request('GET', `/v1/tenants/${code}`)).body).toEqual(tenant);

    const renamed = await service.request('PATCH', `/v1/tenants/${code}`, { name: 'Acme Group' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code, name: 'Acme Group', version: 3 });

    const deleted = await service.request('DELETE', `/v1/tenants/${code}`);
    expect(deleted.status).toBe(202);
    expect(deleted.body).toMatchObject({ code, name: 'Acme Group', state: 'deleting', version: 4 });
    // The accounts are deactivated by a job; the tenant answers 404 once it is deleted.
    await eventually(async () =>
      expectProblem(await service.request('GET', `/v1/tenants/${code}`), 404, 'TENANT.NOT_FOUND'),
    );
    const afterDeletion = await service.request('GET', '/v1/tenants?limit=200');
    expect((afterDeletion.body as { items: TenantBody[] }).items.map((each) => each.code)).not.toContain(
      code,
    );
    expectProblem(await service.request('POST', '/v1/tenants', newTenant(code)), 409, 'TENANT.CODE_TAKEN');
    expect(await stored('users', { _id: administratorId })).toEqual([
      expect.objectContaining({ state: 'deactivated', version: 2 }),
    ]);
    expect(await stored('tenants', { _id: code })).toEqual([
      expect.objectContaining({ state: 'deleted', version: 5, pendingAdministrator: null }),
    ]);

    const events = await eventually(
      () => {
        const ofTenant = recorder.events.filter((each) => each.envelope.aggregateId === code);
        expect(ofTenant).toHaveLength(3);
        return ofTenant;
      },
      { timeoutMs: 30_000 },
    );
    expect(events.map((each) => [each.key, each.envelope.type, each.envelope.aggregateVersion])).toEqual([
      [`${code}:${code}`, 'tenant.created', 2],
      [`${code}:${code}`, 'tenant.updated', 3],
      [`${code}:${code}`, 'tenant.deleted', 5],
    ]);
    expect(events.map((each) => each.envelope.payload)).toEqual([
      // ID-G5: its first administrator owns it.
      { code, name: `Tenant ${code}`, state: 'active', timezone: 'UTC', ownerId: administratorId },
      { code, name: 'Acme Group', state: 'active', timezone: 'UTC', ownerId: administratorId },
      { code, name: 'Acme Group', state: 'deleted', timezone: 'UTC', ownerId: administratorId },
    ]);
    await eventually(async () => {
      const [document] = await collection('tenants').find({ _id: code }).toArray();
      expect(document.outbox).toEqual([]);
    });
  });

  it('creates a tenant in a time zone and moves it to another, each answer and each event carrying it; a bad zone is 400', async () => {
    const code = `tz-${uniqueSuffix()}`;

    const created = await service.request('POST', '/v1/tenants', {
      ...newTenant(code),
      timezone: 'Asia/Tokyo',
    });
    expect(created.status).toBe(201);
    expect((created.body as { tenant: TenantBody }).tenant).toMatchObject({
      code,
      timezone: 'Asia/Tokyo',
      version: 2,
    });
    expect(await stored('tenants', { _id: code })).toEqual([
      expect.objectContaining({ timezone: 'Asia/Tokyo' }),
    ]);

    for (const body of [{ timezone: 'Mars/Olympus_Mons' }, { timezone: null }, { timezone: 42 }])
      expectProblem(
        await service.request('PATCH', `/v1/tenants/${code}`, body),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
    const moved = await service.request('PATCH', `/v1/tenants/${code}`, { timezone: 'America/New_York' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      code,
      name: `Tenant ${code}`,
      timezone: 'America/New_York',
      version: 3,
    });
    expect((await service.request('GET', `/v1/tenants/${code}`)).body).toEqual(moved.body);
    expectProblem(
      await service.request('POST', '/v1/tenants', {
        ...newTenant(`tz-bad-${uniqueSuffix()}`),
        timezone: 'Europe/Atlantis',
      }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );

    const events = await eventually(
      () => {
        const ofTenant = recorder.events.filter((each) => each.envelope.aggregateId === code);
        expect(ofTenant).toHaveLength(2);
        return ofTenant;
      },
      { timeoutMs: 30_000 },
    );
    const { administratorId: ownerId } = created.body as { administratorId: string };
    expect(events.map((each) => [each.envelope.type, each.envelope.payload])).toEqual([
      ['tenant.created', { code, name: `Tenant ${code}`, state: 'active', timezone: 'Asia/Tokyo', ownerId }],
      [
        'tenant.updated',
        { code, name: `Tenant ${code}`, state: 'active', timezone: 'America/New_York', ownerId },
      ],
    ]);
  });

  it('reads a tenant stored before tenants had a time zone as UTC, and gives it one when edited', async () => {
    const code = `old-${uniqueSuffix()}`;
    expect((await service.request('POST', '/v1/tenants', newTenant(code))).status).toBe(201);
    await collection('tenants').updateOne({ _id: code }, { $unset: { timezone: '' } });

    expect((await service.request('GET', `/v1/tenants/${code}`)).body).toMatchObject({
      code,
      timezone: 'UTC',
      version: 2,
    });
    const renamed = await service.request('PATCH', `/v1/tenants/${code}`, { name: 'Renamed' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', timezone: 'UTC', version: 3 });
    expect(await stored('tenants', { _id: code })).toEqual([expect.objectContaining({ timezone: 'UTC' })]);
  });

  it('finishes at start-up a tenant a crash left provisioning', async () => {
    const code = `crashed-${uniqueSuffix()}`;
    const at = new Date();
    await service.app.get<TenantRepository>(TENANT_REPOSITORY).insert(
      startProvisioning(
        {
          code,
          name: 'Crashed',
          administrator: {
            userId: newId(at),
            email: `admin@${code}.example.com`,
            firstName: 'Ada',
            lastName: 'Admin',
            adminRoles: ['application_admin'],
            passwordHash: 'not a real hash',
          },
        },
        at,
      ),
      [],
    );
    expectProblem(await service.request('GET', `/v1/tenants/${code}`), 404, 'TENANT.NOT_FOUND');

    const resumed = await service.app.get(ResumeTenantProvisioningUseCase).execute();

    expect(resumed.finished).toContain(code);
    expect((await service.request('GET', `/v1/tenants/${code}`)).body).toMatchObject({
      code,
      state: 'active',
    });
    expect(await stored('users', { tenantId: code })).toEqual([
      expect.objectContaining({ adminRoles: ['application_admin'], email: `admin@${code}.example.com` }),
    ]);
  });

  describe('who may', () => {
    const code = `perm-${uniqueSuffix()}`;
    const applicationAdministrator: Principal = {
      tenantId: code,
      userId: HOST_ADMINISTRATOR_ID,
      level: 'superadmin',
      roles: ['application_admin'],
    };

    beforeAll(async () => {
      expect((await service.request('POST', '/v1/tenants', newTenant(code))).status).toBe(201);
    });

    it('an Application Administrator can neither create tenants nor delete its own, nor list or read them (403)', async () => {
      const as = { as: applicationAdministrator };
      expectProblem(
        await service.request('POST', '/v1/tenants', newTenant(`other-${uniqueSuffix()}`), as),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await service.request('DELETE', `/v1/tenants/${code}`, undefined, as),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await service.request('GET', '/v1/tenants', undefined, as), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await service.request('PATCH', `/v1/tenants/${code}`, { name: 'Mine now' }, as),
        403,
        'AUTH.FORBIDDEN',
      );
      expect((await service.request('GET', `/v1/tenants/${code}`)).body).toMatchObject({ state: 'active' });
    });

    it('the system_admin role outside the host tenant is not enough (403); without a token, 401', async () => {
      const elsewhere: Principal = { ...SYSTEM_ADMINISTRATOR, tenantId: code };
      expectProblem(
        await service.request('GET', `/v1/tenants/${code}`, undefined, { as: elsewhere }),
        403,
        'AUTH.FORBIDDEN',
      );
      expect((await service.request('GET', '/v1/tenants', undefined, { as: null })).status).toBe(401);
    });

    it('nobody deletes the host tenant (409)', async () => {
      expectProblem(await service.request('DELETE', '/v1/tenants/1000'), 409, 'TENANT.HOST_UNDELETABLE');
    });

    it('bad input is 400, an unknown tenant 404', async () => {
      const valid = newTenant(`bad-${uniqueSuffix()}`);
      for (const body of [
        { ...valid, code: 'Not A Code' },
        { ...valid, code: 'ab' },
        { code: valid.code, name: valid.name },
        { ...valid, administrator: { ...valid.administrator, email: 'not-an-email' } },
        { ...valid, administrator: { ...valid.administrator, password: 'short' } },
        { ...valid, tenantId: '1000' },
      ])
        expectProblem(await service.request('POST', '/v1/tenants', body), 400, 'REQUEST.VALIDATION_FAILED');
      expectProblem(
        await service.request('PATCH', `/v1/tenants/${code}`, { name: '  ' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(await service.request('GET', '/v1/tenants/NOT_A_CODE'), 400, 'REQUEST.VALIDATION_FAILED');
      expectProblem(
        await service.request('GET', `/v1/tenants/none-${uniqueSuffix()}`),
        404,
        'TENANT.NOT_FOUND',
      );
    });
  });
});
