import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

describe('UpdateTenantUseCase (ID-T2)', () => {
  it('renames a tenant and publishes tenant.updated with its full state', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    await testbed.givenTenant('acme', 'Acme');
    testbed.clock.advance(60_000);

    const renamed = await testbed.updateTenant.execute({
      actor: SYSTEM_ADMINISTRATOR,
      code: 'acme',
      changes: { name: ' Acme Group ' },
    });

    expect(renamed).toMatchObject({
      code: 'acme',
      name: 'Acme Group',
      timezone: 'UTC',
      state: 'active',
      version: 3,
    });
    expect(renamed.updatedAt.toISOString()).toBe('2026-03-02T09:01:00.000Z');
    expect(await testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' })).toEqual(renamed);
    const [event] = testbed.outbox.drain();
    expect(event.envelope).toMatchObject({
      type: 'tenant.updated',
      tenantId: 'acme',
      aggregateId: 'acme',
      aggregateVersion: 3,
      payload: { code: 'acme', name: 'Acme Group', state: 'active', timezone: 'UTC' },
    });
  });

  it('given a new time zone, then the tenant counts its days in it, keeps its name, and publishes tenant.updated with it', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme', 'Acme');

    const moved = await testbed.updateTenant.execute({
      actor: SYSTEM_ADMINISTRATOR,
      code: 'acme',
      changes: { timezone: 'Asia/Tokyo' },
    });

    expect(moved).toMatchObject({ name: 'Acme', timezone: 'Asia/Tokyo', version: 3 });
    expect(await testbed.tenants.findById('acme')).toMatchObject({ timezone: 'Asia/Tokyo', version: 3 });
    const [event] = testbed.outbox.drain();
    expect(event.envelope).toMatchObject({
      type: 'tenant.updated',
      aggregateVersion: 3,
      payload: { code: 'acme', name: 'Acme', state: 'active', timezone: 'Asia/Tokyo' },
    });
    expect(
      await testbed.updateTenant.execute({
        actor: SYSTEM_ADMINISTRATOR,
        code: 'acme',
        changes: { timezone: 'Asia/Tokyo' },
      }),
    ).toEqual(moved);
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given the version the caller read, then another version refuses the rename (REQUEST.STALE_VERSION)', async () => {
    const testbed = buildIdentityTestbed();
    const { tenant } = await testbed.givenTenant('acme', 'Acme');
    testbed.outbox.drain();

    await expect(
      testbed.updateTenant.execute({
        actor: SYSTEM_ADMINISTRATOR,
        code: 'acme',
        changes: { name: 'Acme Group' },
        expectedVersion: tenant.version - 1,
      }),
    ).rejects.toMatchObject({ code: 'REQUEST.STALE_VERSION' });
    expect(testbed.outbox.drain()).toEqual([]);
    expect(
      await testbed.updateTenant.execute({
        actor: SYSTEM_ADMINISTRATOR,
        code: 'acme',
        changes: { name: 'Acme Group' },
        expectedVersion: tenant.version,
      }),
    ).toMatchObject({ name: 'Acme Group', version: tenant.version + 1 });
  });

  it('given the same name, then nothing changes and nothing is published', async () => {
    const testbed = buildIdentityTestbed();
    const { tenant } = await testbed.givenTenant('acme', 'Acme');

    expect(
      await testbed.updateTenant.execute({
        actor: SYSTEM_ADMINISTRATOR,
        code: 'acme',
        changes: { name: 'Acme' },
      }),
    ).toEqual(tenant);
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a deleted or unknown tenant, then TENANT.NOT_FOUND; given an Application Administrator, then TENANT.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.givenTenant('gone');
    await testbed.givenTenantDeleted('gone');

    for (const code of ['gone', 'nowhere'])
      await expect(
        testbed.updateTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code, changes: { name: 'New' } }),
      ).rejects.toMatchObject({ code: 'TENANT.NOT_FOUND' });
    await expect(
      testbed.updateTenant.execute({
        actor: { tenantId: 'acme', roles: ['application_admin'] },
        code: 'acme',
        changes: { name: 'Mine' },
      }),
    ).rejects.toMatchObject({ code: 'TENANT.FORBIDDEN' });
  });
  it('given a tenant being deleted, then TENANT.BEING_DELETED and nothing is published', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('going');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });

    await expect(
      testbed.updateTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going', changes: { name: 'New' } }),
    ).rejects.toMatchObject({ code: 'TENANT.BEING_DELETED', kind: 'conflict' });
    expect(await testbed.tenants.findById('going')).toMatchObject({
      name: 'Tenant going',
      state: 'deleting',
    });
    expect(testbed.outbox.drain()).toEqual([]);
  });
});
