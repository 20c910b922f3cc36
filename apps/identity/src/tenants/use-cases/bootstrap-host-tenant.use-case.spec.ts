import { identityConfigFrom } from '../../config/identity.config';
import { IdentityEnv } from '../../config/identity.env';
import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { WARN } from '../../testing/tenant-use-cases';
import { HOST_ADMINISTRATOR_ID } from '../domain/tenant';
import type { BootstrapHostTenantCommand } from './bootstrap-host-tenant.use-case';

function settings(password: string | null = null, hostTenantTimezone = 'UTC'): BootstrapHostTenantCommand {
  return {
    hostTenantName: 'Platform',
    hostTenantTimezone,
    administrator: { email: 'admin@platform.local', password },
  };
}

describe('BootstrapHostTenantUseCase (ID-T1)', () => {
  it('given a first start, then the host tenant 1000 and its System Administrator exist', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    expect(await testbed.bootstrapHostTenant.execute(settings('a configured password'))).toEqual({
      hostTenant: 'created',
      administrator: 'created',
    });

    expect(await testbed.tenants.findById('1000')).toMatchObject({
      code: '1000',
      name: 'Platform',
      timezone: 'UTC',
      state: 'active',
      version: 1,
    });
    expect(await testbed.users.findById('1000', HOST_ADMINISTRATOR_ID)).toMatchObject({
      tenantId: '1000',
      email: 'admin@platform.local',
      level: 'superadmin',
      adminRoles: ['system_admin'],
      state: 'activated',
      passwordHash: 'plain:a configured password',
    });
    expect(testbed.outbox.drain().map((event) => [event.envelope.type, event.envelope.tenantId])).toEqual([
      ['tenant.created', '1000'],
      ['user.created', '1000'],
    ]);
    expect(testbed.logs.filter((line) => line.level >= WARN)).toEqual([]);
  });

  it('given no password configured, then a random one of 20+ characters is set and logged once, at warn, as never shown again', async () => {
    const testbed = buildIdentityTestbed();

    await testbed.bootstrapHostTenant.execute(settings());
    await testbed.bootstrapHostTenant.execute(settings());

    const warnings = testbed.logs.filter((line) => line.level === WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toContain('will not be shown again');
    const password = /generated password (\S+);/.exec(warnings[0].msg)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const administrator = await testbed.users.findById('1000', HOST_ADMINISTRATOR_ID);
    expect(administrator?.passwordHash).toBe(`plain:${password}`);
  });

  it('given a later start, then nothing changes: no write, no event, and a changed password is kept', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.bootstrapHostTenant.execute(settings('the first password'));
    const administrator = await testbed.users.findById('1000', HOST_ADMINISTRATOR_ID);
    if (!administrator) throw new Error('no administrator');
    await testbed.users.update(
      { ...administrator, passwordHash: 'plain:changed since', version: administrator.version + 1 },
      administrator.version,
      [],
    );
    const host = await testbed.tenants.findById('1000');
    testbed.outbox.drain();
    testbed.clock.advance(86_400_000);

    expect(await testbed.bootstrapHostTenant.execute(settings('another password'))).toEqual({
      hostTenant: 'existing',
      administrator: 'existing',
    });

    expect(await testbed.tenants.findById('1000')).toEqual(host);
    expect(await testbed.users.findById('1000', HOST_ADMINISTRATOR_ID)).toMatchObject({
      passwordHash: 'plain:changed since',
      version: 2,
    });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a time zone configured, then the host tenant counts its days in it and its event says so; without one, UTC', async () => {
    const configured = buildIdentityTestbed();
    await configured.bootstrapHostTenant.execute(settings('a configured password', 'Europe/Rome'));

    expect(await configured.tenants.findById('1000')).toMatchObject({ timezone: 'Europe/Rome' });
    const [created] = configured.outbox.drain();
    expect(created.envelope).toMatchObject({
      type: 'tenant.created',
      payload: { code: '1000', name: 'Platform', state: 'active', timezone: 'Europe/Rome' },
    });
    expect(identityConfigFrom(new IdentityEnv()).tenants.bootstrap.hostTenantTimezone).toBe('UTC');
  });

  it('given two instances starting at once, then one host tenant, one administrator, and one password logged', async () => {
    const testbed = buildIdentityTestbed();

    const outcomes = await Promise.all([
      testbed.bootstrapHostTenant.execute(settings()),
      testbed.bootstrapHostTenant.execute(settings()),
    ]);

    expect(outcomes.map((outcome) => outcome.administrator).sort()).toEqual(['created', 'existing']);
    expect(outcomes.map((outcome) => outcome.hostTenant).sort()).toEqual(['created', 'existing']);
    expect((await testbed.users.list('1000', {}, { limit: 50 })).items).toHaveLength(1);
    expect(testbed.outbox.drain().map((event) => event.envelope.type)).toEqual([
      'tenant.created',
      'user.created',
    ]);
    expect(testbed.logs.filter((line) => line.level === WARN)).toHaveLength(1);
  });

  it('given another user of the host tenant with the administrator e-mail, then no second account is made, and it says so', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenUser({ tenantId: '1000', email: 'Admin@Platform.local' });

    expect((await testbed.bootstrapHostTenant.execute(settings())).administrator).toBe('email-taken');

    expect(await testbed.users.findById('1000', HOST_ADMINISTRATOR_ID)).toBeNull();
    expect(testbed.logs.filter((line) => line.level > WARN).map((line) => line.msg)).toEqual([
      expect.stringContaining('BOOTSTRAP_ADMIN_EMAIL'),
    ]);
  });
});
