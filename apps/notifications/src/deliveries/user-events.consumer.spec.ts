import { ACCOUNT_DEFAULTS } from '@lms/testing';
import { UsersStream } from '@lms/contracts';
import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  envelope,
  TEST_TENANT,
} from '../testing/notifications-testbed';
import { UserEventsConsumer } from './user-events.consumer';

describe('UserEventsConsumer', () => {
  const mentee = aUser('Bruno', 'Rossi', 'it');
  const coach = aUser('Ada', 'Lovelace');

  it('given a mail waiting for its mentee, when the mentee is created, then the mentee is known at that version and mailed', async () => {
    const testbed = buildNotificationsTestbed();
    const consumer = new UserEventsConsumer(testbed.projectUser, testbed.releaseWaiting);
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    await consumer.onUserEvents([
      envelope('identity', UsersStream, 'user.created', {
        aggregateId: mentee.userId,
        aggregateVersion: 3,
        payload: { ...mentee, ...ACCOUNT_DEFAULTS, state: 'active' },
      }),
    ]);

    expect(await testbed.recipients.find(TEST_TENANT, mentee.userId)).toEqual({
      tenantId: TEST_TENANT,
      ...mentee,
      state: 'active',
      deleted: false,
      version: 3,
    });
    expect(testbed.mailer.to(mentee.email).map((mail) => mail.subject)).toEqual([
      'Il tuo percorso di coaching è iniziato',
    ]);
  });
});
