import type { AdminRole, UserState } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { HOST_ADMINISTRATOR_ID } from '../../tenants/domain/tenant';
import { registerUser } from '../../users/domain/user';
import { buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('AdministratorRegistry — who it knows (ID-T1, ID-T2, ID-R2)', () => {
  it('given the first start, then the host tenant’s registry knows its System Administrator, and a second start changes nothing', async () => {
    const testbed = buildIdentityTestbed();
    const settings = {
      hostTenantName: 'Platform',
      hostTenantTimezone: 'UTC',
      administrator: { email: 'admin@platform.local', password: 'a configured password' },
    };

    await testbed.bootstrapHostTenant.execute(settings);
    const first = await testbed.adminRegistries.find('1000');
    await testbed.bootstrapHostTenant.execute(settings);

    expect(first).toMatchObject({
      systemAdmins: [HOST_ADMINISTRATOR_ID],
      applicationAdmins: [],
      inactive: [],
    });
    expect(await testbed.adminRegistries.find('1000')).toEqual(first);
  });

  it('given a new tenant, then its registry knows its first Application Administrator, who cannot be demoted alone', async () => {
    const testbed = buildIdentityTestbed();

    const { administratorId } = await testbed.givenTenant('acme');
    const revoke = () =>
      testbed.changeAdminRole.execute({
        actor: { tenantId: 'acme', userId: null, level: 'superadmin', roles: ['application_admin'] },
        userId: administratorId,
        role: 'application_admin',
        change: 'revoke',
      });

    expect(await testbed.adminRegistries.find('acme')).toMatchObject({
      applicationAdmins: [administratorId],
      inactive: [],
    });
    // It owns the tenant too (ID-G5), which keeps its role first; without an owner recorded
    // (a tenant from before owners), the registry's own rule refuses.
    await expect(revoke()).rejects.toMatchObject({ code: 'ADMIN_ROLE.OWNER' });
    const tenant = await testbed.tenants.findById('acme');
    if (!tenant) throw new Error('the tenant is gone');
    await testbed.tenants.update(
      { ...tenant, ownerId: null, version: tenant.version + 1 },
      tenant.version,
      [],
    );
    await expect(revoke()).rejects.toMatchObject({ code: 'ADMIN_ROLE.LAST_ADMIN' });
  });

  it('given accounts with roles from before the registry, then it is made from them the first time it is needed', async () => {
    const testbed = buildIdentityTestbed();
    // Accounts an older installation wrote, with no registry beside them.
    const account = (state: UserState, adminRoles: AdminRole[]) => {
      testbed.clock.advance(1);
      const user = registerUser(
        {
          id: newId(testbed.clock.now()),
          tenantId: TEST_TENANT,
          email: `${newId()}@example.com`,
          firstName: 'A',
          lastName: 'B',
          adminRoles,
        },
        testbed.clock.now(),
      );
      return { ...user, state };
    };
    const [ann, bob, cy] = [
      account('active', ['application_admin']),
      account('deactivated', ['application_admin']),
      account('activated', []),
    ];
    for (const user of [ann, bob, cy]) await testbed.users.insert(user, []);

    const registry = await testbed.administratorRegistry.load(TEST_TENANT);

    expect(registry).toEqual({
      tenantId: TEST_TENANT,
      applicationAdmins: [ann.id, bob.id],
      systemAdmins: [],
      inactive: [bob.id],
      unsettled: [],
      version: 1,
    });
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toEqual(registry);
  });
});
