import {
  actorFor,
  administratorOf,
  buildIdentityTestbed,
  OTHER_TENANT,
  TEST_TENANT,
} from '../../testing/identity-testbed';
import { SYSTEM_ADMINISTRATOR } from '../../testing/tenant-use-cases';

describe('CreateUserUseCase', () => {
  it('registers an activated user with the default locale', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const user = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'Ada.Lovelace@Example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });

    expect(user).toMatchObject({
      tenantId: TEST_TENANT,
      email: 'Ada.Lovelace@Example.com',
      emailNormalized: 'ada.lovelace@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'en',
      state: 'activated',
      version: 1,
    });
    expect(user.createdAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(await testbed.getUser.execute({ actor: administratorOf(), userId: user.id })).toEqual(user);
  });

  it('keeps the locale asked for', async () => {
    const testbed = buildIdentityTestbed();

    const user = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'gio@example.com',
      firstName: 'Giovanni',
      lastName: 'Rossi',
      locale: 'it',
    });

    expect(user.locale).toBe('it');
  });

  it('publishes user.created with the full state of the user', async () => {
    const testbed = buildIdentityTestbed({ now: '2026-03-02T09:00:00.000Z' });

    const user = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });

    const [event] = testbed.outbox.drain();
    expect(event.topic).toBe('identity.users.v1');
    expect(event.key).toBe(`${TEST_TENANT}:${user.id}`);
    expect(event.envelope).toMatchObject({
      type: 'user.created',
      tenantId: TEST_TENANT,
      aggregateId: user.id,
      aggregateVersion: 1,
      producer: 'identity',
      occurredAt: '2026-03-02T09:00:00.000Z',
      payload: {
        userId: user.id,
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: 'Lovelace',
        locale: 'en',
        state: 'activated',
      },
    });
  });

  it('refuses an email the tenant already has, whatever its case, and publishes nothing', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenUser({ email: 'ada@example.com' });

    const attempt = testbed.createUser.execute({
      actor: administratorOf(),
      email: 'ADA@Example.COM',
      firstName: 'Other',
      lastName: 'Ada',
    });

    await expect(attempt).rejects.toMatchObject({ code: 'USER.EMAIL_TAKEN', kind: 'conflict' });
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('accepts an email another tenant already has', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenUser({ tenantId: OTHER_TENANT, email: 'ada@example.com' });

    const user = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });

    expect(user.tenantId).toBe(TEST_TENANT);
  });
});

describe('CreateUserUseCase — the password', () => {
  it('given a password, then only its hash is stored; without one, the user has none', async () => {
    const testbed = buildIdentityTestbed();
    const withPassword = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      password: 'correct horse battery',
    });
    const without = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
    });

    expect(withPassword.passwordHash).toBe('plain:correct horse battery');
    expect(JSON.stringify(testbed.outbox.drain())).not.toContain('correct horse battery');
    expect(without.passwordHash).toBeNull();
  });
});

describe('CreateUserUseCase — who may (ID-R1, ID-U2)', () => {
  it('given a plain user or a power user, then USER.FORBIDDEN and nothing is created', async () => {
    const testbed = buildIdentityTestbed();
    for (const level of ['user', 'power_user'] as const) {
      const caller = await testbed.givenUser({ level });

      await expect(
        testbed.createUser.execute({
          actor: actorFor(caller),
          email: `new-${level}@example.com`,
          firstName: 'New',
          lastName: 'User',
        }),
      ).rejects.toMatchObject({ code: 'USER.FORBIDDEN', kind: 'forbidden' });
    }
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given an administrative role, then only an administrator of its kind grants it, and the registry knows the new administrator', async () => {
    const testbed = buildIdentityTestbed();

    const admin = await testbed.createUser.execute({
      actor: administratorOf(),
      email: 'second-admin@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      adminRoles: ['application_admin'],
    });
    await expect(
      testbed.createUser.execute({
        actor: administratorOf(),
        email: 'root@example.com',
        firstName: 'Root',
        lastName: 'User',
        adminRoles: ['system_admin'],
      }),
    ).rejects.toMatchObject({ code: 'USER.FORBIDDEN' });

    expect(await testbed.adminRegistries.find(TEST_TENANT)).toMatchObject({
      applicationAdmins: [admin.id],
      inactive: [],
    });
  });
  it('given a tenant whose deletion has started, then TENANT.BEING_DELETED and nothing is written (ID-T2)', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('going');
    await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });

    await expect(
      testbed.createUser.execute({
        actor: administratorOf('going'),
        email: 'late@example.com',
        firstName: 'Late',
        lastName: 'Comer',
      }),
    ).rejects.toMatchObject({ code: 'TENANT.BEING_DELETED', kind: 'conflict' });

    expect(await testbed.users.findByEmail('going', 'late@example.com')).toBeNull();
    expect(testbed.outbox.drain()).toEqual([]);
  });

  it('given a deletion that starts while the user is written, then the new account is deactivated, as the deletion would, and the creation is refused', async () => {
    const testbed = buildIdentityTestbed();
    await testbed.givenTenant('going');
    const insert = testbed.users.insert.bind(testbed.users);
    testbed.users.insert = async (user, outbox) => {
      await testbed.deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code: 'going' });
      // The deletion's job reads its last page before the new account is written.
      await testbed.runTenantDeletion.execute({ code: 'going' });
      return insert(user, outbox);
    };

    await expect(
      testbed.createUser.execute({
        actor: administratorOf('going'),
        email: 'late@example.com',
        firstName: 'Late',
        lastName: 'Comer',
      }),
    ).rejects.toMatchObject({ code: 'TENANT.BEING_DELETED' });

    expect(await testbed.users.findByEmail('going', 'late@example.com')).toMatchObject({
      state: 'deactivated',
      version: 2,
    });
    expect(await testbed.tenants.findById('going')).toMatchObject({ state: 'deleted' });
  });
});
