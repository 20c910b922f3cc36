import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  userUpdated,
} from '../../testing/notifications-testbed';
import type { UserEvent } from './project-user.use-case';
import { EventFactory } from '@lms/messaging';
import { UsersStream } from '@lms/contracts';

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
    const event = userCreated(ada);
    await projectUser.execute([event]);

    const [outcome] = await projectUser.execute([event]);

    expect(outcome).toBe('stale');
    expect((await recipients.find(TEST_TENANT, ada.userId))?.version).toBe(1);
  });

  it('ignores an event older than the version it already applied', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    await projectUser.execute([userUpdated({ ...ada, lastName: 'King' }, 3)]);

    const [outcome] = await projectUser.execute([userUpdated({ ...ada, lastName: 'Byron' }, 2)]);

    expect(outcome).toBe('stale');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({ lastName: 'King', version: 3 });
  });

  it('keeps a deleted user as a tombstone without address or name', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');
    await projectUser.execute([userCreated(ada)]);
    const deleted = new EventFactory('identity').create(UsersStream, 'user.deleted', {
      tenantId: TEST_TENANT,
      aggregateId: ada.userId,
      aggregateVersion: 2,
      payload: { userId: ada.userId },
    }).envelope as UserEvent;

    await projectUser.execute([deleted]);
    const [lateUpdate] = await projectUser.execute([userUpdated(ada, 2)]);

    expect(lateUpdate).toBe('stale');
    expect(await recipients.find(TEST_TENANT, ada.userId)).toMatchObject({
      deleted: true,
      email: null,
      firstName: null,
    });
  });

  it('keeps tenants apart', async () => {
    const { projectUser, recipients } = buildNotificationsTestbed();
    const ada = aUser('Ada', 'Lovelace');

    await projectUser.execute([userCreated(ada, { tenantId: 'other-tenant' })]);

    expect(await recipients.find(TEST_TENANT, ada.userId)).toBeNull();
  });
});
