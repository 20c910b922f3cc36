import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  userCreated,
} from '../../testing/notifications-testbed';

describe('a delivery whose recipient is not known yet', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');

  it('waits, and is sent as soon as the recipient is created', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(coach));
    const event = assignmentCreated(mentee, [coach]);

    await testbed.handleAssignment(event);

    expect(testbed.mailer.to(mentee.email)).toHaveLength(0);
    expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
      expect.objectContaining({ status: 'pending', pendingReason: 'waiting_recipient', attempts: 0 }),
    ]);

    await testbed.userArrives(userCreated(mentee));

    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
    expect(testbed.mailer.to(mentee.email)[0].text).toContain('Hi Bruno,');
    expect(await testbed.deliveriesTo(mentee.userId)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1 }),
    ]);
  });

  it('is not sent twice when the user.created event is delivered again', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    const created = userCreated(mentee);

    await testbed.userArrives(created);
    await testbed.userArrives(created);

    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });

  it('is sent by the retry sweeper when the recipient arrived while it was being looked at', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    // The projection learns the user, but its release did not run (e.g. the process stopped).
    await testbed.projectUser.execute([userCreated(mentee)]);

    testbed.clock.advance(testbed.config.delivery.recipientRecheckMs);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });

  it('is parked as failed, and reported, when the recipient never appears', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));

    testbed.clock.advance(testbed.config.delivery.recipientWaitMaxMs);
    await testbed.sendDue.execute();

    const [delivery] = await testbed.deliveriesTo(mentee.userId);
    expect(delivery).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('RECIPIENT.UNKNOWN'),
    });
    expect(testbed.deliveries.outbox().map((entry) => entry.envelope.type)).toContain('delivery.failed');
    expect(testbed.logs.filter((line) => line.alert === 'delivery-parked')).toHaveLength(2);
  });
});
