import { MailSendError } from '../ports/mail-sender';
import { DISPATCH_CHUNK } from './dispatch-delivery.use-case';
import {
  assignmentCreated,
  assignmentEnded,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  userUpdated,
} from '../../testing/notifications-testbed';

describe('sending a delivery that fails', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  async function givenAnAssignmentWhileTheMailServerIsDown() {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(mentee));
    await testbed.userArrives(userCreated(coach));
    testbed.mailer.failAlways(new Error('connect ECONNREFUSED 127.0.0.1:1025'));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    return testbed;
  }

  async function menteeDelivery(testbed: ReturnType<typeof buildNotificationsTestbed>) {
    const [delivery] = await testbed.deliveriesTo(mentee.userId);
    return delivery;
  }

  it('is retried later with exponential backoff', async () => {
    const testbed = await givenAnAssignmentWhileTheMailServerIsDown();
    const { initialBackoffMs } = testbed.config.delivery;
    const start = testbed.clock.now().getTime();

    expect(await menteeDelivery(testbed)).toMatchObject({
      status: 'pending',
      pendingReason: 'retry_backoff',
      attempts: 1,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1025',
      nextAttemptAt: new Date(start + initialBackoffMs),
    });

    testbed.clock.advance(initialBackoffMs - 1);
    expect(await testbed.sendDue.execute()).toEqual({});

    testbed.clock.advance(1);
    expect(await testbed.sendDue.execute()).toEqual({ retry_scheduled: 2 });
    expect(await menteeDelivery(testbed)).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(start + initialBackoffMs + 2 * initialBackoffMs),
    });
  });

  it('is sent once by the sweeper when the mail server is back', async () => {
    const testbed = await givenAnAssignmentWhileTheMailServerIsDown();
    testbed.mailer.recover();

    testbed.clock.advance(testbed.config.delivery.initialBackoffMs);
    await testbed.sendDue.execute();
    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
    expect(await menteeDelivery(testbed)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('is parked as failed after the last attempt, with an event and an alert', async () => {
    const testbed = await givenAnAssignmentWhileTheMailServerIsDown();

    for (let attempt = 2; attempt <= testbed.config.delivery.maxAttempts; attempt++) {
      testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
      await testbed.sendDue.execute();
    }

    const delivery = await menteeDelivery(testbed);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1025',
    });
    const events = testbed.deliveries.outbox().filter((entry) => entry.envelope.aggregateId === delivery.id);
    expect(events.map((entry) => entry.envelope)).toEqual([
      expect.objectContaining({
        type: 'delivery.failed',
        aggregateId: delivery.id,
        payload: expect.objectContaining({ deliveryId: delivery.id, attempts: 5, error: delivery.lastError }),
      }),
    ]);
    expect(testbed.logs).toContainEqual(
      expect.objectContaining({ alert: 'delivery-parked', deliveryId: delivery.id, level: 50 }),
    );

    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    testbed.mailer.recover();
    expect(await testbed.sendDue.execute()).toEqual({});
    expect(testbed.mailer.sent).toHaveLength(0);
  });

  it('is parked at once when the mail server refuses it for good', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(mentee));
    testbed.mailer.failNext(1, new MailSendError('550 5.1.1 mailbox unavailable', true));

    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    expect(await menteeDelivery(testbed)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '550 5.1.1 mailbox unavailable',
    });
  });

  it('is cancelled when the recipient was deleted in the meantime', async () => {
    const testbed = await givenAnAssignmentWhileTheMailServerIsDown();
    await testbed.recipients.applyDeletion(TEST_TENANT, mentee.userId, 2);
    testbed.mailer.recover();

    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
    expect(testbed.mailer.to(coach.email)).toHaveLength(1);
    expect(await menteeDelivery(testbed)).toMatchObject({ status: 'cancelled' });
  });
});

describe('a delivery to a user whose mails stop', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  async function givenKnownMenteeAndCoach() {
    const testbed = buildNotificationsTestbed();
    await testbed.usersChange(userCreated(mentee), userCreated(coach));
    return testbed;
  }

  it('given a mail held back by the mail server, when its mentee is deactivated before it goes out, then it is cancelled, never sent and never retried', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    testbed.mailer.failAlways(new Error('connect ECONNREFUSED 127.0.0.1:1025'));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    await testbed.userArrives(userUpdated(mentee, { version: 2, state: 'deactivated' }));
    testbed.mailer.recover();

    testbed.clock.advance(testbed.config.delivery.initialBackoffMs);
    expect(await testbed.sendDue.execute()).toEqual({ sent: 1, cancelled: 1 });

    const [delivery] = await testbed.deliveriesTo(mentee.userId);
    expect(delivery).toMatchObject({
      status: 'cancelled',
      pendingReason: null,
      attempts: 1,
      sentAt: null,
      lastError: expect.stringMatching(/^RECIPIENT\.DEACTIVATED:/),
    });
    expect(testbed.deliveries.outbox().filter((entry) => entry.envelope.aggregateId === delivery.id)).toEqual(
      [],
    );
    expect(testbed.logs).toContainEqual(
      expect.objectContaining({ msg: 'delivery cancelled', deliveryId: delivery.id, level: 30 }),
    );
    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    expect(await testbed.sendDue.execute()).toEqual({});
    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
    expect(testbed.mailer.to(coach.email)).toHaveLength(1);
  });

  it.each([
    ['deactivated', 'RECIPIENT.DEACTIVATED'],
    ['expired', 'RECIPIENT.EXPIRED'],
  ] as const)(
    'given a %s mentee, when an assignment names them, then the mentee gets no mail (%s) and the coach does',
    async (state, code) => {
      const testbed = await givenKnownMenteeAndCoach();
      await testbed.userArrives(userUpdated(mentee, { version: 2, state }));

      await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

      expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
        expect.objectContaining({
          status: 'cancelled',
          attempts: 0,
          lastError: expect.stringContaining(`${code}:`),
        }),
      ]);
      expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
      expect(testbed.mailer.to(coach.email).map((mail) => mail.subject)).toEqual(['New mentee: Bruno Rossi']);
    },
  );

  it('given a mentee deactivated and then activated again, then later mails reach them and the cancelled one stays cancelled', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    await testbed.userArrives(userUpdated(mentee, { version: 2, state: 'deactivated' }));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    await testbed.userArrives(userUpdated(mentee, { version: 3, state: 'active' }));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    // Both deliveries were made in the same millisecond: their order says nothing.
    expect((await testbed.deliveriesTo(mentee.userId)).map((delivery) => delivery.status).sort()).toEqual([
      'cancelled',
      'sent',
    ]);
    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });

  it('given an account that expires tomorrow, then it is mailed today and not once its expiry has passed, though no event said so', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    const day = 24 * 60 * 60_000;
    const expiresAt = new Date(testbed.clock.now().getTime() + day);
    await testbed.userArrives(userUpdated(mentee, { version: 2, state: 'active', expiresAt }));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    testbed.clock.advance(day);
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT\.EXPIRED:/),
      }),
      expect.objectContaining({ status: 'sent' }),
    ]);
    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });

  it('given a mail waiting for a mentee not known yet, when the mentee arrives deactivated, then the mail is cancelled and waits no more', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(coach));
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    await testbed.userArrives(userUpdated(mentee, { version: 2, state: 'deactivated' }));

    expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT\.DEACTIVATED:/),
      }),
    ]);
    testbed.clock.advance(testbed.config.delivery.recipientRecheckMs);
    expect(await testbed.sendDue.execute()).toEqual({});
    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
  });
});

describe('a delivery to a user who opted out of its kind of mail (NO-4)', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  async function givenKnownMenteeAndCoach() {
    const testbed = buildNotificationsTestbed();
    await testbed.usersChange(userCreated(mentee), userCreated(coach));
    return testbed;
  }

  it('given a mentee who opted out of new assignments, then its mail is cancelled, never sent, and its coach is mailed', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: mentee.userId,
      optedOut: ['assignment.created'],
    });

    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    const [delivery] = await testbed.deliveriesTo(mentee.userId);
    expect(delivery).toMatchObject({
      status: 'cancelled',
      pendingReason: null,
      attempts: 0,
      sentAt: null,
      lastError: expect.stringMatching(/^RECIPIENT\.OPTED_OUT:/),
    });
    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
    expect(testbed.mailer.to(coach.email)).toHaveLength(1);
    expect(testbed.logs).toContainEqual(
      expect.objectContaining({ msg: 'delivery cancelled', deliveryId: delivery.id }),
    );
    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    expect(await testbed.sendDue.execute()).toEqual({});
  });

  it('given an opt-out of another kind of mail, then this one is sent', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: mentee.userId,
      optedOut: ['assignment.ended', 'assignment.expiring'],
    });

    const created = assignmentCreated(mentee, [coach]);
    await testbed.handleAssignment(created);
    testbed.clock.advance(1_000);
    await testbed.handleAssignment(assignmentEnded(created));

    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
    expect((await testbed.deliveriesTo(mentee.userId)).map((d) => `${d.kind} ${d.status}`)).toEqual([
      'assignment.ended.mentee cancelled',
      'assignment.created.mentee sent',
    ]);
  });

  it('given a mail held back by the mail server, when its recipient opts out before it goes out, then it is cancelled', async () => {
    const testbed = await givenKnownMenteeAndCoach();
    testbed.mailer.failAlways();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: coach.userId,
      optedOut: ['assignment.created'],
    });
    testbed.mailer.recover();

    testbed.clock.advance(testbed.config.delivery.initialBackoffMs);
    expect(await testbed.sendDue.execute()).toEqual({ sent: 1, cancelled: 1 });

    expect(await testbed.deliveriesTo(coach.userId)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        attempts: 1,
        lastError: expect.stringMatching(/^RECIPIENT\.OPTED_OUT:/),
      }),
    ]);
    expect(testbed.mailer.to(coach.email)).toHaveLength(0);
  });

  it('reads the recipients’ preferences once per chunk of deliveries, not once per delivery', async () => {
    const testbed = buildNotificationsTestbed();
    const coaches = Array.from({ length: DISPATCH_CHUNK + 1 }, (_, i) => aUser('Coach', `Number${i}`));
    await testbed.usersChange(userCreated(mentee), ...coaches.map((c) => userCreated(c)));
    const optingOut = coaches[3] as (typeof coaches)[number];
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: optingOut.userId,
      optedOut: ['assignment.created'],
    });

    await testbed.handleAssignment(assignmentCreated(mentee, coaches));

    expect(testbed.preferences.manyReads).toBe(2);
    expect(testbed.mailer.sent).toHaveLength(coaches.length);
    expect(testbed.mailer.to(optingOut.email)).toHaveLength(0);
  });
});
