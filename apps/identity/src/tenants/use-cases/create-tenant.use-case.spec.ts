import { buildIdentityTestbed, type IdentityTestbed } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';
import type { CreateTenantCommand } from './create-tenant.use-case';

function acme(overrides: Partial<CreateTenantCommand> = {}): CreateTenantCommand {
  return {
    actor: SYSTEM_ADMINISTRATOR,
    code: 'acme',
    name: 'Acme Corp',
    administrator: {
      email: 'Ada@Acme.example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      password: 'correct horse battery',
    },
    ...overrides,
  };
}

/** The accounts of a tenant, in creation order. */
async function accountsOf(testbed: IdentityTestbed, tenantId = 'acme') {
  return (await testbed.users.list(tenantId, {}, { limit: 50 })).items;
}

/** The types of the events written since the last look. */
function publishedTypes(testbed: IdentityTestbed): string[] {
  return testbed.outbox.drain().map((event) => event.envelope.type);
}

describe('CreateTenantUseCase (ID-T2)', () => {
  it('given a System Administrator, when it creates a tenant, then the tenant is active with its first Application Administrator', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const { tenant, administratorId } = await testbed.createTenant.execute(acme());

    expect(tenant).toMatchObject({
      id: 'acme',
      code: 'acme',
      name: 'Acme Corp',
      timezone: 'UTC',
      state: 'active',
      version: 2,
    });
    expect(tenant.createdAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(await testbed.users.findById('acme', administratorId)).toMatchObject({
      tenantId: 'acme',
      email: 'Ada@Acme.example.com',
      level: 'superadmin',
      adminRoles: ['application_admin'],
      state: 'activated',
      passwordHash: 'plain:correct horse battery',
    });
    expect(await testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' })).toEqual(tenant);
  });

  it('publishes user.created for the administrator, then tenant.created with the full state, and never the password', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const { administratorId } = await testbed.createTenant.execute(acme());

    const events = testbed.outbox.drain();
    expect(events.map((event) => [event.topic, event.envelope.type])).toEqual([
      ['identity.users.v1', 'user.created'],
      ['identity.tenants.v1', 'tenant.created'],
    ]);
    expect(events[0].envelope).toMatchObject({ tenantId: 'acme', aggregateId: administratorId });
    expect(events[1].key).toBe('acme:acme');
    expect(events[1].envelope).toMatchObject({
      tenantId: 'acme',
      aggregateId: 'acme',
      aggregateVersion: 2,
      occurredAt: '2026-03-02T09:00:00.000Z',
      payload: { code: 'acme', name: 'Acme Corp', state: 'active', timezone: 'UTC' },
    });
    expect(JSON.stringify(events)).not.toContain('correct horse battery');
  });

  it('given a time zone, then the tenant counts its days in it, and tenant.created carries it', async () => {
    const testbed = buildIdentityTestbed();

    const { tenant, administratorId } = await testbed.createTenant.execute(
      acme({ timezone: 'America/New_York' }),
    );

    expect(tenant).toMatchObject({ code: 'acme', timezone: 'America/New_York', ownerId: administratorId });
    expect(await testbed.tenants.findById('acme')).toMatchObject({ timezone: 'America/New_York' });
    const created = testbed.outbox.drain().find((event) => event.envelope.type === 'tenant.created');
    expect(created?.envelope.payload).toEqual({
      code: 'acme',
      name: 'Acme Corp',
      state: 'active',
      timezone: 'America/New_York',
      ownerId: administratorId,
    });
  });

  it('given a code taken by an active, a deleting or a deleted tenant, then TENANT.CODE_TAKEN and nothing is written', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.givenTenant('gone');
    await testbed.givenTenantDeleted('gone');
    await testbed.givenTenant('going');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });
    await testbed.bootstrapHostTenant.execute({
      hostTenantName: 'Platform',
      hostTenantTimezone: 'UTC',
      administrator: { email: 'admin@platform.local', password: 'a long enough password' },
    });
    testbed.outbox.drain();

    for (const code of ['acme', 'gone', 'going', '1000']) {
      await expect(testbed.createTenant.execute(acme({ code }))).rejects.toMatchObject({
        code: 'TENANT.CODE_TAKEN',
        kind: 'conflict',
      });
    }
    expect(testbed.outbox.drain()).toEqual([]);
    expect(await accountsOf(testbed)).toHaveLength(1);
  });

  it('given anyone but a System Administrator of the host tenant, then TENANT.FORBIDDEN and nothing is written', async () => {
    const testbed = buildIdentityTestbed();
    const applicationAdministrator = { tenantId: 'acme', roles: ['application_admin'] };

    for (const actor of [applicationAdministrator, { tenantId: 'acme', roles: ['system_admin'] }]) {
      await expect(testbed.createTenant.execute(acme({ actor, code: 'other' }))).rejects.toMatchObject({
        code: 'TENANT.FORBIDDEN',
        kind: 'forbidden',
      });
    }
    expect(await testbed.tenants.findById('other')).toBeNull();
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a code out of the pattern, then TENANT.CODE_INVALID', async () => {
    const testbed = buildIdentityTestbed();

    await expect(testbed.createTenant.execute(acme({ code: 'Acme Corp' }))).rejects.toMatchObject({
      code: 'TENANT.CODE_INVALID',
      kind: 'invalid',
    });
  });
});

describe('CreateTenantUseCase — nothing half-applied without a transaction', () => {
  it('given the administrator write fails, then the tenant stays provisioning and unseen, and the same request sent again finishes it', async () => {
    const testbed = buildIdentityTestbed();
    failOnce(testbed.users, 'insert');

    await expect(testbed.createTenant.execute(acme())).rejects.toThrow('connection lost');

    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'provisioning' });
    await expect(
      testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' }),
    ).rejects.toMatchObject({
      code: 'TENANT.NOT_FOUND',
    });
    expect(
      (await testbed.listTenants.execute({ actor: SYSTEM_ADMINISTRATOR, page: { limit: 50 } })).items,
    ).toEqual([]);
    expect(testbed.outbox.drain()).toEqual([]);

    const { tenant, administratorId } = await testbed.createTenant.execute(acme());

    expect(tenant.state).toBe('active');
    expect((await accountsOf(testbed)).map((u) => u.id)).toEqual([administratorId]);
    expect(publishedTypes(testbed)).toEqual(['user.created', 'tenant.created']);
  });

  it('given the activation fails after the administrator exists, then sending the request again activates it, with one administrator', async () => {
    const testbed = buildIdentityTestbed();
    failOnce(testbed.tenants, 'update');

    await expect(testbed.createTenant.execute(acme())).rejects.toThrow('connection lost');
    const [administrator] = await accountsOf(testbed);
    expect(administrator).toBeDefined();

    const { tenant, administratorId } = await testbed.createTenant.execute(acme());

    expect(tenant.state).toBe('active');
    expect(administratorId).toBe(administrator.id);
    expect(await accountsOf(testbed)).toHaveLength(1);
    expect(publishedTypes(testbed)).toEqual(['user.created', 'tenant.created']);
  });

  it('given a tenant a crash left provisioning, then the start-up resume finishes it', async () => {
    const testbed = buildIdentityTestbed();
    failOnce(testbed.users, 'insert');
    await expect(testbed.createTenant.execute(acme())).rejects.toThrow();

    expect(await testbed.resumeTenantProvisioning.execute()).toEqual({ finished: ['acme'], failed: [] });

    expect(await testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' })).toMatchObject({
      state: 'active',
    });
    expect(await testbed.resumeTenantProvisioning.execute()).toEqual({ finished: [], failed: [] });
  });

  it('given a tenant still provisioning, then another request for its code is TENANT.CODE_TAKEN', async () => {
    const testbed = buildIdentityTestbed();
    failOnce(testbed.users, 'insert');
    await expect(testbed.createTenant.execute(acme())).rejects.toThrow();

    const other = acme({ administrator: { ...acme().administrator, email: 'bob@acme.example.com' } });
    await expect(testbed.createTenant.execute(other)).rejects.toMatchObject({ code: 'TENANT.CODE_TAKEN' });
  });

  it('given the same request twice at once, then both answer the one tenant and its one administrator', async () => {
    const testbed = buildIdentityTestbed();

    const [first, second] = await Promise.all([
      testbed.createTenant.execute(acme()),
      testbed.createTenant.execute(acme()),
    ]);

    expect(second).toEqual(first);
    expect(await accountsOf(testbed)).toHaveLength(1);
    expect(publishedTypes(testbed)).toEqual(['user.created', 'tenant.created']);
  });
});
