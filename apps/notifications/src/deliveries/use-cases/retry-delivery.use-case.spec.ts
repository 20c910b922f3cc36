import { MailSendError } from '../ports/mail-sender';
import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';

describe('RetryDeliveryUseCase (NO-5)', () => {
  const mentee = aUser('Bruno', 'Rossi');
  const coach = aUser('Ada', 'Lovelace');
  const refused = new MailSendError('501 Error: Bad recipient address syntax', true);

  /** The mentee's mail was refused for good by the mail server, and parked as failed. */
  async function givenAParkedDelivery() {
    const testbed = buildNotificationsTestbed();
    await testbed.usersChange(userCreated(mentee), userCreated(coach));
    testbed.mailer.failNext(1, refused);
    await testbed.handleAssignment(assignmentCreated(mentee, [coach]));
    const [parked] = await testbed.deliveriesTo(mentee.userId);
    expect(parked).toMatchObject({ status: 'failed', attempts: 1 });
    testbed.clock.advance(60_000);
    return { testbed, parked, ref: { tenantId: TEST_TENANT, deliveryId: parked.id } };
  }

  it('given a parked delivery, when an administrator retries it, then it is sent at once, its attempts counted on', async () => {
    const { testbed, ref } = await givenAParkedDelivery();

    const retried = await testbed.retryDelivery.execute(ref);

    expect(retried).toMatchObject({
      id: ref.deliveryId,
      status: 'sent',
      attempts: 2,
      sentAt: testbed.clock.now(),
      lastError: null,
    });
    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
    expect(
      testbed.deliveries
        .outbox()
        .filter((entry) => entry.envelope.aggregateId === ref.deliveryId)
        .map((entry) => entry.envelope.type),
    ).toEqual(['delivery.failed', 'delivery.sent']);
  });

  it('given a mail server that still refuses it, then it is parked again with the new error, never sent', async () => {
    const { testbed, ref } = await givenAParkedDelivery();
    testbed.mailer.failNext(1, new MailSendError('550 5.1.1 mailbox unavailable', true));

    const retried = await testbed.retryDelivery.execute(ref);

    expect(retried).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: '550 5.1.1 mailbox unavailable',
    });
    expect(testbed.mailer.sent.filter((mail) => mail.to.address === mentee.email)).toHaveLength(0);
  });

  it('given a mail server down for a while, then it is pending again, retried by the sweeper with backoff', async () => {
    const { testbed, ref } = await givenAParkedDelivery();
    testbed.mailer.failNext(1, new Error('connect ECONNREFUSED 127.0.0.1:1025'));

    const retried = await testbed.retryDelivery.execute(ref);

    expect(retried).toMatchObject({ status: 'pending', pendingReason: 'retry_backoff', attempts: 2 });
    testbed.clock.advance(testbed.config.delivery.maxBackoffMs);
    expect(await testbed.sendDue.execute()).toEqual({ sent: 1 });
  });

  it('given a delivery that is not parked as failed, then it is refused as it stands', async () => {
    const { testbed, ref } = await givenAParkedDelivery();
    const [sent] = await testbed.deliveriesTo(coach.userId);

    await expect(
      testbed.retryDelivery.execute({ tenantId: TEST_TENANT, deliveryId: sent.id }),
    ).rejects.toMatchObject({ code: 'DELIVERY.NOT_FAILED', kind: 'conflict', details: { status: 'sent' } });
    await testbed.retryDelivery.execute(ref);
    await expect(testbed.retryDelivery.execute(ref)).rejects.toMatchObject({ code: 'DELIVERY.NOT_FAILED' });
    expect(testbed.mailer.to(coach.email)).toHaveLength(1);
    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });

  it("given another tenant's delivery or none, then it is not found", async () => {
    const { testbed, ref } = await givenAParkedDelivery();

    await expect(
      testbed.retryDelivery.execute({ tenantId: 'another-tenant', deliveryId: ref.deliveryId }),
    ).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND', kind: 'not_found' });
    await expect(
      testbed.retryDelivery.execute({
        tenantId: TEST_TENANT,
        deliveryId: '0190c0de-0000-7000-8000-00000000c0de',
      }),
    ).rejects.toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
    expect((await testbed.deliveriesTo(mentee.userId))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('given two administrators retrying at once, then the mail goes out once and the later one is refused', async () => {
    const { testbed, ref } = await givenAParkedDelivery();

    const outcomes = await Promise.allSettled([
      testbed.retryDelivery.execute(ref),
      testbed.retryDelivery.execute(ref),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: expect.objectContaining({ code: 'DELIVERY.NOT_FAILED' }),
    });
    expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
  });
});
