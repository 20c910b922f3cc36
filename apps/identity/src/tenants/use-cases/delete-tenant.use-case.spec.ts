import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

const everyone = { limit: 200, offset: 0 };

describe('DeleteTenantUseCase (ID-T2)', () => {
  it("deactivates every account of the tenant, page by page, then marks it deleted and publishes tenant.deleted; other tenants' accounts stay", async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const { administratorId } = await testbed.givenTenant('acme');
    // More accounts than one page of the deletion.
    for (let i = 0; i < 205; i++)
      await testbed.givenUser({ tenantId: 'acme', email: `user-${i}@acme.example.com` });
    await testbed.givenTenant('other');
    const elsewhere = await testbed.givenUser({ tenantId: 'other' });
    testbed.clock.advance(60_000);

    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    const accounts = [
      ...(await testbed.users.list('acme', {}, everyone)).items,
      ...(await testbed.users.list('acme', {}, { limit: 200, offset: 200 })).items,
    ];
    expect(accounts).toHaveLength(206);
    expect(accounts.map((user) => user.id)).toContain(administratorId);
    expect(new Set(accounts.map((user) => user.state))).toEqual(new Set(['deactivated']));
    expect(new Set(accounts.map((user) => user.version))).toEqual(new Set([2]));
    expect(await testbed.users.findById('other', elsewhere.id)).toMatchObject({
      state: 'activated',
      version: 1,
    });
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted', version: 3 });
    const [event] = testbed.outbox.drain();
    expect(event.envelope).toMatchObject({
      type: 'tenant.deleted',
      tenantId: 'acme',
      aggregateVersion: 3,
      occurredAt: '2026-03-02T09:01:00.000Z',
      payload: { code: 'acme', name: 'Tenant acme', state: 'deleted' },
    });
  });

  it('given a deleted tenant, then it answers TENANT.NOT_FOUND, is not listed, and its code is never given again', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    await expect(
      testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' }),
    ).rejects.toMatchObject({
      code: 'TENANT.NOT_FOUND',
    });
    expect(
      (await testbed.listTenants.execute({ actor: SYSTEM_ADMINISTRATOR, page: everyone })).items,
    ).toEqual([]);
    await expect(testbed.givenTenant('acme')).rejects.toMatchObject({ code: 'TENANT.CODE_TAKEN' });
  });

  it('given the host tenant, then TENANT.HOST_UNDELETABLE and nothing changes', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.bootstrapHostTenant.execute({
      hostTenantName: 'Platform',
      administrator: { email: 'admin@platform.local', password: 'a long enough password' },
    });
    testbed.outbox.drain();

    await expect(
      testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: '1000' }),
    ).rejects.toMatchObject({
      code: 'TENANT.HOST_UNDELETABLE',
      kind: 'conflict',
    });
    expect(await testbed.tenants.findById('1000')).toMatchObject({ state: 'active', version: 1 });
    expect((await testbed.users.list('1000', {}, everyone)).items.map((user) => user.state)).toEqual([
      'activated',
    ]);
  });

  it('given the Application Administrator of the tenant, then it cannot delete its own tenant (TENANT.FORBIDDEN)', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');

    await expect(
      testbed.deleteTenant.execute({
        actor: { tenantId: 'acme', roles: ['application_admin'] },
        code: 'acme',
      }),
    ).rejects.toMatchObject({ code: 'TENANT.FORBIDDEN', kind: 'forbidden' });
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'active' });
  });

  it('given a failure half-way, then the tenant stays active, and the same request sent again finishes the deletion', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.givenUser({ tenantId: 'acme' });
    failOnce(testbed.users, 'update');

    await expect(
      testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' }),
    ).rejects.toThrow();
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'active' });

    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleted' });
    expect((await testbed.users.list('acme', {}, everyone)).items.map((user) => user.state)).toEqual([
      'deactivated',
      'deactivated',
    ]);
  });

  it('given an account changed while the tenant is deleted, then it is read again and deactivated all the same', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    const ada = await testbed.givenUser({ tenantId: 'acme' });
    const update = testbed.users.update.bind(testbed.users);
    let raced = false;
    testbed.users.update = async (user, expectedVersion, outbox) => {
      if (!raced && user.id === ada.id) {
        raced = true;
        await update({ ...ada, firstName: 'Augusta', version: 2 }, 1, []);
      }
      return update(user, expectedVersion, outbox);
    };

    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    expect(await testbed.users.findById('acme', ada.id)).toMatchObject({
      firstName: 'Augusta',
      state: 'deactivated',
      version: 3,
    });
  });
});
