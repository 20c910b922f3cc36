import { actorFor, administratorOf, buildIdentityTestbed } from '../../testing/identity-testbed';

/** A testbed with a group, a plain user in it, and the means to give power users profiles. */
async function withScopedMember() {
  const testbed = buildIdentityTestbed();
  const group = await testbed.givenGroup();
  const member = await testbed.givenUser();
  await testbed.givenMember(group, member);
  return { testbed, group, member };
}

describe('UserAccess — a power user gets what its permission profile grants (ID-U2)', () => {
  it('given a profile of users.read, then the power user reads a user of its scope, but neither edits nor deactivates it', async () => {
    const { testbed, group, member } = await withScopedMember();
    const reader = await testbed.givenPowerUser([group], ['users.read']);
    const actor = actorFor(reader);

    expect((await testbed.getUser.execute({ actor, userId: member.id })).id).toBe(member.id);
    await expect(
      testbed.updateUser.execute({ actor, userId: member.id, changes: { locale: 'it' } }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
    await expect(
      testbed.changeUserState.execute({ actor, userId: member.id, action: 'deactivate' }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });

  it('given a profile of users.change_state, then the power user (de)activates and reads a user of its scope, but does not edit it', async () => {
    const { testbed, group, member } = await withScopedMember();
    const keeper = await testbed.givenPowerUser([group], ['users.change_state']);
    const actor = actorFor(keeper);

    const deactivated = await testbed.changeUserState.execute({
      actor,
      userId: member.id,
      action: 'deactivate',
    });

    expect(deactivated.user.state).toBe('deactivated');
    expect((await testbed.getUser.execute({ actor, userId: member.id })).state).toBe('deactivated');
    await expect(
      testbed.updateUser.execute({ actor, userId: member.id, changes: { firstName: 'X' } }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });

  it('given a profile with rights of other services only, or no profile, then the power user may do nothing to the users of its scope, and still reads itself', async () => {
    const { testbed, group, member } = await withScopedMember();
    const coachesOnly = await testbed.givenPowerUser([group], ['assignments.manage', 'enrollments.manage']);
    const withoutProfile = await testbed.givenPowerUser([group], null);

    for (const powerUser of [coachesOnly, withoutProfile]) {
      await expect(
        testbed.getUser.execute({ actor: actorFor(powerUser), userId: member.id }),
      ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
      expect((await testbed.getUser.execute({ actor: actorFor(powerUser), userId: powerUser.id })).id).toBe(
        powerUser.id,
      );
    }
  });

  it('given a profile narrowed by an administrator, then its power users have the new rights at their next request, whatever their token says', async () => {
    const { testbed, group, member } = await withScopedMember();
    const powerUser = await testbed.givenPowerUser([group]);
    const actor = actorFor(powerUser);
    expect((await testbed.getUser.execute({ actor, userId: member.id })).id).toBe(member.id);

    await testbed.definePermissionProfile.execute({
      actor: administratorOf(),
      name: powerUser.permissionProfile ?? '',
      rights: [],
      description: null,
    });

    await expect(testbed.getUser.execute({ actor, userId: member.id })).rejects.toMatchObject({
      code: 'USER.FORBIDDEN',
    });
  });

  it('given an account naming a profile that is gone, then the power user may do nothing to others', async () => {
    const { testbed, group, member } = await withScopedMember();
    const powerUser = await testbed.givenPowerUser([group]);
    await testbed.permissionProfiles.delete(powerUser.tenantId, powerUser.permissionProfile ?? '');

    await expect(
      testbed.getUser.execute({ actor: actorFor(powerUser), userId: member.id }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });

  it('given a superadmin or an administrator holding a profile without rights, then the profile restricts nothing', async () => {
    const { testbed, member } = await withScopedMember();
    const empty = await testbed.givenPermissionProfile([]);
    const superadmin = await testbed.givenUser({ level: 'superadmin' });
    const admin = await testbed.givenUser({ level: 'power_user', adminRoles: ['application_admin'] });
    for (const user of [superadmin, admin])
      await testbed.updateUser.execute({
        actor: administratorOf(),
        userId: user.id,
        changes: { permissionProfile: empty.name },
      });

    for (const user of [superadmin, admin]) {
      const actor = actorFor(user);
      expect((await testbed.getUser.execute({ actor, userId: member.id })).id).toBe(member.id);
      const renamed = await testbed.updateUser.execute({
        actor,
        userId: member.id,
        changes: { lastName: 'King' },
      });
      expect(renamed.lastName).toBe('King');
    }
    const deactivated = await testbed.changeUserState.execute({
      actor: actorFor(superadmin),
      userId: member.id,
      action: 'deactivate',
    });
    expect(deactivated.user.state).toBe('deactivated');
  });

  it("reads the power user's account once and its profile once, by its key, for a decision; the scope only when the profile allows the action", async () => {
    const { testbed, group, member } = await withScopedMember();
    const otherGroup = await testbed.givenGroup({ name: 'Support' });
    const reader = await testbed.givenPowerUser([otherGroup, group], ['users.read']);
    const accountReads = jest.spyOn(testbed.users, 'findById');
    const profileReads = jest.spyOn(testbed.permissionProfiles, 'find');
    const membershipReads = jest.spyOn(testbed.memberships, 'find');

    await testbed.getUser.execute({ actor: actorFor(reader), userId: member.id });

    // One read of the target (the use case's own), one of the power user's account.
    expect(accountReads.mock.calls).toEqual([
      [reader.tenantId, member.id],
      [reader.tenantId, reader.id],
    ]);
    expect(profileReads.mock.calls).toEqual([[reader.tenantId, reader.permissionProfile]]);
    expect(membershipReads).toHaveBeenCalledTimes(2);

    for (const spy of [accountReads, profileReads, membershipReads]) spy.mockClear();
    await expect(
      testbed.changeUserState.execute({ actor: actorFor(reader), userId: member.id, action: 'deactivate' }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });

    expect(profileReads).toHaveBeenCalledTimes(1);
    expect(membershipReads).not.toHaveBeenCalled();
  });
});
