import { ACCOUNT_DEFAULTS } from '@lms/testing';
import { UsersStream, type UserState } from '@lms/contracts';
import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  envelope,
  TEST_TENANT,
  type TestUser,
} from '../testing/notifications-testbed';
import { UserEventsConsumer } from './user-events.consumer';

describe('UserEventsConsumer', () => {
  const mentee = aUser('Bruno', 'Rossi', 'it');
  const coach = aUser('Ada', 'Lovelace');

  function setUp() {
    const testbed = buildNotificationsTestbed();
    return { testbed, consumer: new UserEventsConsumer(testbed.projectUser, testbed.releaseWaiting) };
  }

  function created(user: TestUser, version = 1) {
    return envelope('identity', UsersStream, 'user.created', {
      aggregateId: user.userId,
      aggregateVersion: version,
      payload: { ...user, ...ACCOUNT_DEFAULTS, state: 'active' },
    });
  }

  function updated(
    user: TestUser,
    version: number,
    changes: { state: UserState; expiresAt?: string | null },
  ) {
    return envelope('identity', UsersStream, 'user.updated', {
      aggregateId: user.userId,
      aggregateVersion: version,
      payload: { ...user, ...ACCOUNT_DEFAULTS, ...changes },
    });
  }

  function deleted(user: TestUser, version: number) {
    return envelope('identity', UsersStream, 'user.deleted', {
      aggregateId: user.userId,
      aggregateVersion: version,
      payload: { userId: user.userId },
    });
  }

  it('given a mail waiting for its mentee, when the mentee is created, then the mentee is known at that version and the sender mails it', async () => {
    const { testbed, consumer } = setUp();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    const wakesBefore = testbed.sender.wakes;

    await consumer.onUserEvents([created(mentee, 3)]);

    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
    expect(testbed.sender.wakes).toBe(wakesBefore + 1);
    expect(await testbed.sendDue.execute()).toEqual({ sent: 1 });

    expect(await testbed.recipients.find(TEST_TENANT, mentee.userId)).toEqual({
      tenantId: TEST_TENANT,
      ...mentee,
      timezone: ACCOUNT_DEFAULTS.timezone,
      state: 'active',
      expiresAt: null,
      deleted: false,
      version: 3,
    });
    expect(testbed.mailer.to(mentee.email).map((mail) => mail.subject)).toEqual([
      'Il tuo percorso di coaching è iniziato',
    ]);
  });

  it('given a known user, when the user is updated, then the projection holds the new state, name and expiry at that version', async () => {
    const { testbed, consumer } = setUp();
    await consumer.onUserEvents([created(mentee)]);

    await consumer.onUserEvents([
      updated({ ...mentee, lastName: 'Bianchi' }, 2, {
        state: 'deactivated',
        expiresAt: '2027-01-31T23:00:00.000Z',
      }),
    ]);

    expect(await testbed.recipients.find(TEST_TENANT, mentee.userId)).toMatchObject({
      lastName: 'Bianchi',
      state: 'deactivated',
      expiresAt: new Date('2027-01-31T23:00:00.000Z'),
      deleted: false,
      version: 2,
    });
  });

  it('given a deleted user, when an older update arrives later, then the user stays deleted', async () => {
    const { testbed, consumer } = setUp();
    await consumer.onUserEvents([created(mentee)]);
    await consumer.onUserEvents([deleted(mentee, 3)]);

    await consumer.onUserEvents([updated(mentee, 2, { state: 'active' })]);

    expect(await testbed.recipients.find(TEST_TENANT, mentee.userId)).toMatchObject({
      email: null,
      firstName: null,
      state: null,
      deleted: true,
      version: 3,
    });
  });

  it('given a mail waiting for a user not known yet, when the user is created and deleted in one batch, then the mail is cancelled and never sent', async () => {
    const { testbed, consumer } = setUp();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    await consumer.onUserEvents([created(mentee), deleted(mentee, 2)]);
    await testbed.sendDue.execute();

    expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT\.DELETED:/),
      }),
    ]);
    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
  });
});
