import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';

describe('ProjectUserUseCase', () => {
  it('stores the name, address and locale of a created user', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace', 'it');

    const [outcome] = await projectUser.execute([userCreated(ada)]);

    expect(outcome).toBe('applied');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      email: ada.email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
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

  it('keeps tenants apart', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');

    await projectUser.execute([userCreated(ada, { tenantId: 'other-tenant' })]);

    expect(await recipients.find(TEST_TENANT, ada.userId)).toBeNull();
  });
});
