import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { failOnce } from '../../testing/fail-once';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

describe('ListTenantsUseCase (ID-T2)', () => {
  it('lists the active tenants in code order, page by page; deleted, deleting and unfinished ones are not listed', async () => {
    const testbed = buildIdentityTestbed();
    for (const code of ['delta', 'alpha', 'gone', 'charlie', 'going']) await testbed.givenTenant(code);
    await testbed.givenTenantDeleted('gone');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });
    failOnce(testbed.users, 'insert');
    await expect(testbed.givenTenant('bravo')).rejects.toThrow();

    const first = await testbed.listTenants.execute({
      actor: SYSTEM_ADMINISTRATOR,
      page: { limit: 2 },
    });
    const next = await testbed.listTenants.execute({
      actor: SYSTEM_ADMINISTRATOR,
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect(first.items.map((tenant) => tenant.code)).toEqual(['alpha', 'charlie']);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(next.items.map((tenant) => tenant.code)).toEqual(['delta']);
    expect(next.nextCursor).toBeNull();
  });

  it('given an Application Administrator, then TENANT.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.listTenants.execute({
        actor: { tenantId: 'acme', roles: ['application_admin'] },
        page: { limit: 50 },
      }),
    ).rejects.toMatchObject({ code: 'TENANT.FORBIDDEN', kind: 'forbidden' });
  });
});
