import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  userDeleted,
  userUpdated,
} from '../../testing/notifications-testbed';

describe('ProjectUserUseCase', () => {
  it('stores the name, address, locale, time zone and state of a created user', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace', 'it');

    const [outcome] = await projectUser.execute([userCreated(ada)]);

    expect(outcome).toBe('applied');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      email: ada.email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
      timezone: 'Europe/Rome',
      state: 'active',
      expiresAt: null,
      deleted: false,
      version: 1,
    });
  });

  it('changes nothing when the same event is delivered again', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    const created = userCreated(ada);
    await projectUser.execute([created]);

    const [outcome] = await projectUser.execute([created]);

    expect(outcome).toBe('stale');
    expect((await recipients.find(TEST_TENANT, ada.userId))?.version).toBe(1);
  });

  it('ignores an event older than the version it already applied', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    await projectUser.execute([userCreated({ ...ada, lastName: 'King' }, { version: 3 })]);

    const [outcome] = await projectUser.execute([userCreated({ ...ada, lastName: 'Byron' }, { version: 2 })]);

    expect(outcome).toBe('stale');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({ lastName: 'King', version: 3 });
  });

  it('given a known user, when the user is updated, then it holds the new full state', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    await projectUser.execute([userCreated(ada)]);
    const expiresAt = new Date('2026-12-31T23:00:00.000Z');

    const [outcome] = await projectUser.execute([
      userUpdated(
        { ...ada, lastName: 'King', locale: 'it' },
        { version: 2, state: 'deactivated', expiresAt },
      ),
    ]);

    expect(outcome).toBe('applied');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      lastName: 'King',
      locale: 'it',
      state: 'deactivated',
      expiresAt,
      version: 2,
    });
  });

  it('given a deleted user, when an older update arrives after the deletion, then the user stays a tombstone', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace', 'it');
    await projectUser.execute([userCreated(ada)]);
    expect(await projectUser.execute([userDeleted(ada, { version: 3 })])).toEqual(['applied']);

    const outcomes = await projectUser.execute([
      userUpdated(ada, { version: 2, state: 'active' }),
      userDeleted(ada, { version: 3 }),
    ]);

    expect(outcomes).toEqual(['stale', 'stale']);
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      deleted: true,
      email: null,
      version: 3,
    });
  });

  it('given a batch out of order, then the newest event wins whatever its place', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    const grace = aUser('Grace', 'Hopper');

    const outcomes = await projectUser.execute([
      userUpdated(ada, { version: 3, state: 'deactivated' }),
      userCreated(ada),
      userDeleted(grace, { version: 2 }),
      userUpdated(ada, { version: 2, state: 'active' }),
      userCreated(grace),
    ]);

    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      state: 'deactivated',
      version: 3,
    });
    expect(await recipients.find(TEST_TENANT, grace.userId)).toMatchObject({ deleted: true, version: 2 });
    expect(await projectUser.execute([userUpdated(ada, { version: 2, state: 'active' })])).toEqual(['stale']);
  });

  it('keeps tenants apart', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');

    await projectUser.execute([userCreated(ada, { tenantId: 'other-tenant' })]);

    expect(await recipients.find(TEST_TENANT, ada.userId)).toBeNull();
  });
});
