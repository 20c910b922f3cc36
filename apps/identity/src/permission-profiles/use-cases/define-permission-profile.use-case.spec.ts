import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';

describe('DefinePermissionProfileUseCase (ID-U2)', () => {
  it('given a new name, then it creates the profile; given it again, then it replaces its rights with the next version', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const created = await testbed.definePermissionProfile.execute({
      actor: administratorOf(),
      name: 'sales-desk',
      rights: ['users.change_state', 'users.read'],
      description: 'The sales desk',
    });
    testbed.clock.advance(60_000);
    const replaced = await testbed.definePermissionProfile.execute({
      actor: administratorOf(),
      name: 'sales-desk',
      rights: ['users.read'],
      description: null,
    });

    expect(created).toEqual({
      created: true,
      profile: expect.objectContaining({
        tenantId: TEST_TENANT,
        name: 'sales-desk',
        rights: ['users.read', 'users.change_state'],
        description: 'The sales desk',
        version: 1,
      }),
    });
    expect(replaced).toEqual({
      created: false,
      profile: {
        ...created.profile,
        rights: ['users.read'],
        description: null,
        updatedAt: new Date('2026-03-02T09:01:00.000Z'),
        version: 2,
      },
    });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, 'sales-desk')).toEqual(replaced.profile);
    // Each definition tells the services enforcing a right (learning: enrollments.manage).
    expect(testbed.outbox.envelopes()).toEqual([
      expect.objectContaining({
        type: 'permission-profile.defined',
        tenantId: TEST_TENANT,
        aggregateId: created.profile.id,
        aggregateVersion: 1,
        payload: {
          profileId: created.profile.id,
          name: 'sales-desk',
          rights: ['users.read', 'users.change_state'],
        },
      }),
      expect.objectContaining({
        type: 'permission-profile.defined',
        aggregateVersion: 2,
        payload: { profileId: created.profile.id, name: 'sales-desk', rights: ['users.read'] },
      }),
    ]);
  });

  it('given the same rights and description, then nothing is written', async () => {
    const testbed = buildIdentityTestbed();
    const profile = await testbed.givenPermissionProfile(['users.read'], { name: 'readers' });

    expect(
      await testbed.definePermissionProfile.execute({
        actor: administratorOf(),
        name: 'readers',
        rights: ['users.read'],
        description: null,
      }),
    ).toEqual({ created: false, profile });
    expect(testbed.outbox.envelopes()).toEqual([]);
  });

  it('given two definitions of a new name at once, then one creates the profile and the other replaces it', async () => {
    const testbed = buildIdentityTestbed();

    const results = await Promise.all(
      [['users.read'], ['users.change_state']].map((rights) =>
        testbed.definePermissionProfile.execute({
          actor: administratorOf(),
          name: 'desk',
          rights,
          description: null,
        }),
      ),
    );

    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect((await testbed.permissionProfiles.find(TEST_TENANT, 'desk'))?.version).toBe(2);
  });

  it('given a right outside the catalogue, then PERMISSION_PROFILE.UNKNOWN_RIGHT names it and nothing is stored', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.definePermissionProfile.execute({
        actor: administratorOf(),
        name: 'desk',
        rights: ['users.read', 'users.delete'],
        description: null,
      }),
    ).rejects.toMatchObject({
      code: 'PERMISSION_PROFILE.UNKNOWN_RIGHT',
      kind: 'invalid',
      details: { rights: ['users.delete'] },
    });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, 'desk')).toBeNull();
  });

  it('given a name outside the pattern, then PERMISSION_PROFILE.NAME_INVALID', async () => {
    const testbed = buildIdentityTestbed();

    await expect(
      testbed.definePermissionProfile.execute({
        actor: administratorOf(),
        name: 'Sales Desk',
        rights: [],
        description: null,
      }),
    ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.NAME_INVALID', kind: 'invalid' });
  });

  it('given the same name in two tenants, then each tenant has a profile of its own', async () => {
    const testbed = buildIdentityTestbed();

    const here = await testbed.givenPermissionProfile(['users.read'], { name: 'desk' });
    const there = await testbed.givenPermissionProfile(['enrollments.manage'], {
      name: 'desk',
      tenantId: OTHER_TENANT,
    });

    expect(here.id).not.toBe(there.id);
    expect((await testbed.permissionProfiles.find(TEST_TENANT, 'desk'))?.rights).toEqual(['users.read']);
    expect((await testbed.permissionProfiles.find(OTHER_TENANT, 'desk'))?.rights).toEqual([
      'enrollments.manage',
    ]);
  });

  it('given a power user, even one with every right, or a plain user, then PERMISSION_PROFILE.FORBIDDEN and nothing is stored', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const plainUser = await testbed.givenUser();

    for (const user of [powerUser, plainUser])
      await expect(
        testbed.definePermissionProfile.execute({
          actor: actorFor(user),
          name: 'mine',
          rights: ['users.read'],
          description: null,
        }),
      ).rejects.toMatchObject({ code: 'PERMISSION_PROFILE.FORBIDDEN', kind: 'forbidden' });
    expect(await testbed.permissionProfiles.find(TEST_TENANT, 'mine')).toBeNull();
  });
});
