import { buildIdentityTestbed } from '../../testing/identity-testbed';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

describe('GetTenantUseCase (ID-T2)', () => {
  it('given a tenant being deleted, then it is answered deleting, so that its deletion can be followed', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('going');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });

    expect(await testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' })).toMatchObject({
      code: 'going',
      state: 'deleting',
    });
  });

  it('given an unknown or a deleted code, then TENANT.NOT_FOUND', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('gone');
    await testbed.givenTenantDeleted('gone');

    for (const code of ['gone', 'nowhere']) {
      await expect(testbed.getTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code })).rejects.toMatchObject({
        code: 'TENANT.NOT_FOUND',
        kind: 'not_found',
      });
    }
  });

  it('given the Application Administrator of the tenant, then TENANT.FORBIDDEN', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('acme');

    await expect(
      testbed.getTenant.execute({ actor: { tenantId: 'acme', roles: ['application_admin'] }, code: 'acme' }),
    ).rejects.toMatchObject({ code: 'TENANT.FORBIDDEN' });
  });
});
