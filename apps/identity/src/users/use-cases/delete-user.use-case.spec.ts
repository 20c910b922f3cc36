import { failOnce } from '../../testing/fail-once';
import { actorFor, administratorOf, buildIdentityTestbed, TEST_TENANT } from '../../testing/identity-testbed';

describe('DeleteUserUseCase', () => {
  it('leaves a tombstone that answers USER.NOT_FOUND, and publishes user.deleted', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser({ email: 'ada@example.com' });

    await testbed.deleteUser.execute({ actor: administratorOf(), userId: ada.id });

    await expect(testbed.getUser.execute({ actor: administratorOf(), userId: ada.id })).rejects.toMatchObject(
      {
        code: 'USER.NOT_FOUND',
      },
    );
    await expect(
      testbed.deleteUser.execute({ actor: administratorOf(), userId: ada.id }),
    ).rejects.toMatchObject({
      code: 'USER.NOT_FOUND',
    });
    expect(testbed.outbox.drain().map((entry) => entry.envelope)).toEqual([
      expect.objectContaining({
        type: 'user.deleted',
        tenantId: TEST_TENANT,
        aggregateId: ada.id,
        aggregateVersion: 2,
        occurredAt: '2026-03-02T09:00:00.000Z',
        payload: { userId: ada.id },
      }),
    ]);
  });

  it('given a deleted user, then its email can be given to a new user', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ email: 'ada@example.com' });
    await testbed.deleteUser.execute({ actor: administratorOf(), userId: ada.id });

    const again = await testbed.givenUser({ email: 'Ada@Example.com' });

    expect(again.id).not.toBe(ada.id);
  });

  it('given its own account, then nobody deletes it (USER.OWN_DELETION)', async () => {
    const testbed = buildIdentityTestbed();
    const admin = await testbed.givenUser({ level: 'superadmin' });

    await expect(
      testbed.deleteUser.execute({ actor: actorFor(admin), userId: admin.id }),
    ).rejects.toMatchObject({
      code: 'USER.OWN_DELETION',
    });
  });

  it('given an administrator, then a peer deletes it and it leaves the registry; the last one stays (ADMIN_ROLE.LAST_ADMIN)', async () => {
    const testbed = buildIdentityTestbed();
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const bob = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const superadmin = await testbed.givenUser({ level: 'superadmin' });

    await expect(
      testbed.deleteUser.execute({ actor: actorFor(superadmin), userId: bob.id }),
    ).rejects.toMatchObject({
      code: 'USER.PEER_REQUIRED',
    });
    await testbed.deleteUser.execute({ actor: actorFor(ann), userId: bob.id });
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [ann.id],
      unsettled: [],
    });

    await expect(
      testbed.deleteUser.execute({ actor: administratorOf(), userId: ann.id }),
    ).rejects.toMatchObject({
      code: 'ADMIN_ROLE.LAST_ADMIN',
    });
    expect(await testbed.users.findById(TEST_TENANT, ann.id)).not.toBeNull();
  });
});

describe('DeleteUserUseCase — a deletion that fails', () => {
  it('given the account write failing, then the administrator keeps its role and counts again', async () => {
    const testbed = buildIdentityTestbed();
    const ann = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const bob = await testbed.givenUser({ adminRoles: ['application_admin'] });
    failOnce(testbed.users, 'update');

    await expect(testbed.deleteUser.execute({ actor: actorFor(ann), userId: bob.id })).rejects.toThrow(
      'connection lost',
    );

    expect(await testbed.users.findById(TEST_TENANT, bob.id)).toMatchObject({
      adminRoles: ['application_admin'],
      deletedAt: null,
    });
    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [ann.id, bob.id],
      inactive: [],
      unsettled: [],
    });
  });
});
