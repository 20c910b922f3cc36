import { randomUUID } from 'node:crypto';
import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';

const past = new Date('2026-03-01T00:00:00.000Z');
const future = new Date('2027-01-01T00:00:00.000Z');

describe('UpdateUserUseCase (ID-U1, ID-U2)', () => {
  it('changes the profile, level and custom fields, with user.updated carrying the full state', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser({ email: 'ada@example.com' });
    await testbed.givenPermissionProfile(['enrollments.manage'], { name: 'enrollments' });
    testbed.clock.advance(60_000);

    const scopeGroup = randomUUID();
    const updated = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: {
        firstName: ' Augusta ',
        locale: 'it',
        timezone: 'America/New_York',
        customFields: { COUNTRY: 'UK' },
        level: 'power_user',
        powerUserScope: { groupIds: [scopeGroup] },
        permissionProfile: 'enrollments',
      },
    });

    expect(updated).toMatchObject({
      firstName: 'Augusta',
      locale: 'it',
      timezone: 'America/New_York',
      customFields: { COUNTRY: 'UK' },
      level: 'power_user',
      permissionProfile: 'enrollments',
      version: 2,
    });
    expect(await testbed.users.findById(TEST_TENANT, ada.id)).toEqual(updated);
    const [event] = testbed.outbox.drain();
    expect(event.envelope).toMatchObject({
      type: 'user.updated',
      aggregateVersion: 2,
      occurredAt: '2026-03-02T09:01:00.000Z',
      payload: {
        firstName: 'Augusta',
        locale: 'it',
        customFields: { COUNTRY: 'UK' },
        level: 'power_user',
        // Learning enforces the profile's enrollments.manage within this scope (LE-E3).
        powerUserScope: { groupIds: [scopeGroup] },
        permissionProfile: 'enrollments',
      },
    });
  });

  it('given the version the caller read, then a change applies only while the user is still at it', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ firstName: 'Ada' });
    const read = ada.version;
    await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { lastName: 'King' },
    });

    await expect(
      testbed.updateUser.execute({
        actor: administratorOf(),
        userId: ada.id,
        expectedVersion: read,
        changes: { firstName: 'Augusta' },
      }),
    ).rejects.toMatchObject({
      code: 'REQUEST.STALE_VERSION',
      kind: 'stale',
      details: { expectedVersion: read, currentVersion: read + 1 },
    });
    expect((await testbed.users.findById(TEST_TENANT, ada.id))?.firstName).toBe('Ada');
    const current = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      expectedVersion: read + 1,
      changes: { firstName: 'Augusta' },
    });
    expect(current).toMatchObject({ firstName: 'Augusta', lastName: 'King', version: read + 2 });
  });

  it('given nothing different, then nothing is written or published', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ firstName: 'Ada' });

    expect(
      await testbed.updateUser.execute({
        actor: administratorOf(),
        userId: ada.id,
        changes: { firstName: 'Ada' },
      }),
    ).toEqual(ada);
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a new password, then only its hash is stored and nothing of it is published', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser();

    const updated = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { password: 'a brand new secret' },
    });

    expect(updated.passwordHash).toBe('plain:a brand new secret');
    expect(JSON.stringify(testbed.outbox.drain())).not.toContain('a brand new secret');
  });
});

describe('UpdateUserUseCase — the permission profile (ID-U2)', () => {
  it("given a profile the tenant has not defined, or another tenant's, then USER.UNKNOWN_PERMISSION_PROFILE and nothing is written", async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ level: 'power_user' });
    await testbed.givenPermissionProfile(['users.read'], { tenantId: OTHER_TENANT, name: 'elsewhere' });

    for (const permissionProfile of ['nobody-defined-it', 'elsewhere'])
      await expect(
        testbed.updateUser.execute({
          actor: administratorOf(),
          userId: ada.id,
          changes: { permissionProfile },
        }),
      ).rejects.toMatchObject({ code: 'USER.UNKNOWN_PERMISSION_PROFILE', kind: 'invalid' });

    expect(await testbed.users.findById(TEST_TENANT, ada.id)).toEqual(ada);
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a profile of the tenant, then the user holds it; null takes it away', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser({ level: 'power_user' });
    const profile = await testbed.givenPermissionProfile(['users.read'], { name: 'readers' });

    const given = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { permissionProfile: profile.name },
    });
    const taken = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { permissionProfile: null },
    });

    expect([given.permissionProfile, taken.permissionProfile]).toEqual(['readers', null]);
  });

  it('given a power user, then it gives nobody a profile, not even a plain user of its scope (USER.FORBIDDEN)', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const member = await testbed.givenUser();
    await testbed.givenMember(group, member);

    for (const userId of [member.id, powerUser.id])
      await expect(
        testbed.updateUser.execute({
          actor: actorFor(powerUser),
          userId,
          changes: { permissionProfile: powerUser.permissionProfile },
        }),
      ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });
});

describe('UpdateUserUseCase — the expiry (ID-U3)', () => {
  it('given an expiry in the past, then the user expires at once', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const ada = await testbed.givenUser();

    const updated = await testbed.updateUser.execute({
      actor: administratorOf(),
      userId: ada.id,
      changes: { expiresAt: past },
    });

    expect(updated).toMatchObject({ state: 'expired', stateBeforeExpiry: 'activated', expiresAt: past });
  });

  it('given an expired user whose expiry moves to the future, then it returns to the state it had: deactivated stays deactivated', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });
    const active = await testbed.givenUser({ expiresAt: past });
    await testbed.recordFirstCourseAccess.execute({ tenantId: TEST_TENANT, userId: active.id, at: past });
    const deactivated = await testbed.givenUser({ expiresAt: past });
    await testbed.changeUserState.execute({
      actor: administratorOf(),
      userId: deactivated.id,
      action: 'deactivate',
    });
    await testbed.expireDueUsers.execute({ batchSize: 10 });

    const restored = await Promise.all(
      [active, deactivated].map((user) =>
        testbed.updateUser.execute({
          actor: administratorOf(),
          userId: user.id,
          changes: { expiresAt: future },
        }),
      ),
    );

    expect(restored.map((user) => [user.state, user.stateBeforeExpiry])).toEqual([
      ['active', null],
      ['deactivated', null],
    ]);
  });

  it('given its own expiry, then USER.OWN_STATE: nobody changes its own state, later included', async () => {
    const testbed = buildIdentityTestbed();
    const admin = await testbed.givenUser({ adminRoles: ['application_admin'] });

    await expect(
      testbed.updateUser.execute({
        actor: actorFor(admin),
        userId: admin.id,
        changes: { expiresAt: future },
      }),
    ).rejects.toMatchObject({ code: 'USER.OWN_STATE' });
  });
});

describe('UpdateUserUseCase — who may (ID-R3, ID-U2)', () => {
  it('given an administrator, then a superadmin without the role edits its profile, but not its password, level or expiry (USER.PEER_REQUIRED)', async () => {
    const testbed = buildIdentityTestbed();
    const admin = await testbed.givenUser({ adminRoles: ['application_admin'] });
    const superadmin = await testbed.givenUser({ level: 'superadmin' });

    const renamed = await testbed.updateUser.execute({
      actor: actorFor(superadmin),
      userId: admin.id,
      changes: { lastName: 'King' },
    });
    expect(renamed.lastName).toBe('King');
    for (const changes of [
      { password: 'taken over at last' },
      { level: 'user' as const },
      { expiresAt: future },
    ])
      await expect(
        testbed.updateUser.execute({ actor: actorFor(superadmin), userId: admin.id, changes }),
      ).rejects.toMatchObject({ code: 'USER.PEER_REQUIRED' });
  });

  it('given a power user, then it edits the profile of a user of its scope, not its level', async () => {
    const testbed = buildIdentityTestbed();
    const group = await testbed.givenGroup();
    const powerUser = await testbed.givenPowerUser([group]);
    const member = await testbed.givenUser();
    await testbed.givenMember(group, member);

    const edited = await testbed.updateUser.execute({
      actor: actorFor(powerUser),
      userId: member.id,
      changes: { locale: 'it' },
    });
    expect(edited.locale).toBe('it');
    await expect(
      testbed.updateUser.execute({
        actor: actorFor(powerUser),
        userId: member.id,
        changes: { level: 'superadmin' },
      }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
  });

  it('given a plain user, then it edits nobody, itself included (USER.FORBIDDEN); an unknown user is USER.NOT_FOUND', async () => {
    const testbed = buildIdentityTestbed();
    const ada = await testbed.givenUser();

    await expect(
      testbed.updateUser.execute({ actor: actorFor(ada), userId: ada.id, changes: { firstName: 'Me' } }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });
    await expect(
      testbed.updateUser.execute({
        actor: administratorOf(),
        userId: randomUUID(),
        changes: { firstName: 'X' },
      }),
    ).rejects.toMatchObject({ code: 'USER.NOT_FOUND' });
  });
});
