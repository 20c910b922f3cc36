import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
} from '../../testing/identity-testbed';

describe('GetPermissionProfileUseCase and ListPermissionProfilesUseCase (ID-U2)', () => {
  it("given profiles of the tenant, then they are read by name and listed in name order, page by page; another tenant's are never seen", async () => {
    const testbed = buildIdentityTestbed();
    const coaches = await testbed.givenPermissionProfile(['assignments.manage'], { name: 'coaches' });
    const assistants = await testbed.givenPermissionProfile(['users.read'], { name: 'assistants' });
    const desk = await testbed.givenPermissionProfile([], { name: 'desk' });
    await testbed.givenPermissionProfile([], { name: 'abroad', tenantId: OTHER_TENANT });

    expect(await testbed.getPermissionProfile.execute({ actor: administratorOf(), name: 'coaches' })).toEqual(
      coaches,
    );
    const first = await testbed.listPermissionProfiles.execute({
      actor: administratorOf(),
      page: { limit: 2 },
    });
    expect(first).toEqual({ items: [assistants, coaches], limit: 2, nextCursor: expect.any(String) });
    expect(
      await testbed.listPermissionProfiles.execute({
        actor: administratorOf(),
        page: { limit: 2, cursor: first.nextCursor ?? undefined },
      }),
    ).toEqual({ items: [desk], limit: 2, nextCursor: null });
    await expect(
      testbed.getPermissionProfile.execute({ actor: administratorOf(), name: 'abroad' }),
    ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.NOT_FOUND', kind: 'not_found' });
  });

  it('given a power user or a plain user, then PERMISSION_PROFILE.FORBIDDEN, its own profile included', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const plainUser = await testbed.givenUser();

    for (const user of [powerUser, plainUser]) {
      await expect(
        testbed.getPermissionProfile.execute({
          actor: actorFor(user),
          name: powerUser.permissionProfile ?? '',
        }),
      ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.FORBIDDEN' });
      await expect(
        testbed.listPermissionProfiles.execute({ actor: actorFor(user), page: { limit: 50 } }),
      ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.FORBIDDEN' });
    }
  });
});
