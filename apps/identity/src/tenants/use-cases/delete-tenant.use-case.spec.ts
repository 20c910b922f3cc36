import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

const everyone = { limit: 200 };

describe('DeleteTenantUseCase (ID-T2)', () => {
  it('given an active tenant, then it becomes deleting and its job is enqueued under its code; no account is changed and nothing is published yet', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    await testbed.givenTenant('acme');
    await testbed.givenUser({ tenantId: 'acme' });
    testbed.clock.advance(60_000);

    const deleting = await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    expect(deleting).toMatchObject({ code: 'acme', state: 'deleting', version: 3 });
    expect(deleting.updatedAt.toISOString()).toBe('2026-03-02T09:01:00.000Z');
    expect(await testbed.tenants.findById('acme')).toEqual(deleting);
    expect([...testbed.jobs.jobs.values()]).toEqual([
      expect.objectContaining({ id: 'tenant.deletion:acme', tenantId: 'acme', input: { code: 'acme' } }),
    ]);
    expect(new Set((await testbed.users.list('acme', {}, everyone)).items.map((user) => user.state))).toEqual(
      new Set(['activated']),
    );
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a tenant already deleting, then it answers it again as it is and enqueues the same one job', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    const first = await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });
    testbed.clock.advance(60_000);

    expect(await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' })).toEqual(first);
    expect(testbed.jobs.jobs.size).toBe(1);
  });

  it('given the enqueue failed after the tenant became deleting, then the same request sent again enqueues its job', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    failOnce(testbed.jobs, 'enqueue');

    await expect(
      testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' }),
    ).rejects.toThrow();
    expect(await testbed.tenants.findById('acme')).toMatchObject({ state: 'deleting' });
    expect(testbed.jobs.jobs.size).toBe(0);

    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'acme' });

    expect([...testbed.jobs.jobs.keys()]).toEqual(['tenant.deletion:acme']);
  });

  it('given a deleted tenant, then it answers TENANT.NOT_FOUND, is not listed, and its code is never given again', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');
    await testbed.givenTenantDeleted('acme');

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
      hostTenantTimezone: 'UTC',
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
    expect(testbed.jobs.jobs.size).toBe(0);
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
    expect(testbed.jobs.jobs.size).toBe(0);
  });
});
