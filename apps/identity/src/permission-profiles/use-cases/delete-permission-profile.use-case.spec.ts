import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';

describe('DeletePermissionProfileUseCase (ID-U2)', () => {
  it('given a profile nobody holds, then it is deleted and not found from then on', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenPermissionProfile(['users.read'], { name: 'desk' });
    const elsewhere = await testbed.givenPermissionProfile(['users.read'], {
      name: 'desk',
      tenantId: OTHER_TENANT,
    });

    await testbed.deletePermissionProfile.execute({ actor: administratorOf(), name: 'desk' });

    expect(await testbed.permissionProfiles.find(TEST_TENANT, 'desk')).toBeNull();
    expect(await testbed.permissionProfiles.find(OTHER_TENANT, 'desk')).toEqual(elsewhere);
    await expect(
      testbed.deletePermissionProfile.execute({ actor: administratorOf(), name: 'desk' }),
    ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.NOT_FOUND' });
  });

  it('given a user holding the profile, then PERMISSION_PROFILE.IN_USE until the user holds it no more', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const name = powerUser.permissionProfile ?? '';

    await expect(
      testbed.deletePermissionProfile.execute({ actor: administratorOf(), name }),
    ).rejects.toMatchObject({
      code: 'PERMISSION_PROFILE.IN_USE',
      kind: 'conflict',
    });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, name)).not.toBeNull();

    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: powerUser.id,
      changes: { permissionProfile: null },
    });
    await testbed.deletePermissionProfile.execute({ actor: administratorOf(), name });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, name)).toBeNull();
  });

  it('given the only holder deleted, then the profile can be deleted', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    await testbed.deleteUser.execute({ actor: administratorOf(), userId: powerUser.id });

    await testbed.deletePermissionProfile.execute({
      actor: administratorOf(),
      name: powerUser.permissionProfile ?? '',
    });

    expect(await testbed.permissionProfiles.find(TEST_TENANT, powerUser.permissionProfile ?? '')).toBeNull();
  });

  it('given a power user or a plain user, then PERMISSION_PROFILE.FORBIDDEN and the profile stays', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const plainUser = await testbed.givenUser();
    await testbed.givenPermissionProfile([], { name: 'unused' });

    for (const user of [powerUser, plainUser])
      await expect(
        testbed.deletePermissionProfile.execute({ actor: actorFor(user), name: 'unused' }),
      ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.FORBIDDEN' });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, 'unused')).not.toBeNull();
  });
});
