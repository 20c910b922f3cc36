import type { MailSender, OutgoingMail } from '../ports/mail-sender';
import {
  assignmentCreated,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  type TestUser,
} from '../../testing/notifications-testbed';

describe('the sender, apart from the consumers', () => {
  const coach = aUser('Ada', 'Lovelace');

  async function givenKnown(
    testbed: ReturnType<typeof buildNotificationsTestbed>,
    users: TestUser[],
    tenantId = TEST_TENANT,
  ) {
    for (const user of users) await testbed.userArrives(userCreated(user, { tenantId }));
  }

  it('given assignment events, then the consumer records their mails and wakes the sender, which sends them', async () => {
    const testbed = buildNotificationsTestbed();
    const mentee = aUser('Bruno', 'Rossi');
    await givenKnown(testbed, [coach, mentee]);

    const recorded = await testbed.recordAssignmentMails.execute([assignmentCreated(mentee, [coach])]);

    expect(recorded).toHaveLength(2);
    expect(testbed.mailer.sent).toHaveLength(0);
    expect(testbed.sender.wakes).toBe(1);
    expect(await testbed.sendDue.execute()).toEqual({ sent: 2 });
    expect(await testbed.sendDue.execute()).toEqual({});
    expect(testbed.mailer.sent.map((mail) => mail.to.address).sort()).toEqual(
      [coach.email, mentee.email].sort(),
    );
  });

  it("given one tenant's burst and another tenant's few mails, then the few go out in the first batch", async () => {
    const testbed = buildNotificationsTestbed({ sender: { idleMs: 0, batchSize: 10, concurrency: 10 } });
    const burst = Array.from({ length: 30 }, (_, i) => aUser(`Learner${i}`, 'Burst'));
    const other = aUser('Olga', 'Other');
    const otherCoach = aUser('Oscar', 'Other');
    await givenKnown(testbed, [coach, ...burst]);
    await givenKnown(testbed, [other, otherCoach], 'tenant-2');
    await testbed.recordAssignmentMails.execute(burst.map((mentee) => assignmentCreated(mentee, [coach])));
    testbed.clock.advance(1_000);
    await testbed.recordAssignmentMails.execute([
      { ...assignmentCreated(other, [otherCoach]), tenantId: 'tenant-2' },
    ]);

    expect(await testbed.sendDue.execute()).toEqual({ sent: 10 });

    expect(testbed.mailer.to(other.email)).toHaveLength(1);
    expect(testbed.mailer.to(otherCoach.email)).toHaveLength(1);
    expect(testbed.mailer.sent).toHaveLength(10);
  });

  it('given a concurrency, then no more mails than that are on their way at once, and every one goes out once', async () => {
    const slow = new SlowMailSender();
    const testbed = buildNotificationsTestbed(
      { sender: { idleMs: 0, batchSize: 500, concurrency: 20 } },
      slow,
    );
    const mentees = Array.from({ length: 60 }, (_, i) => aUser(`Learner${i}`, 'Many'));
    await givenKnown(testbed, [coach, ...mentees]);
    await testbed.recordAssignmentMails.execute(mentees.map((mentee) => assignmentCreated(mentee, [coach])));

    expect(await testbed.sendDue.execute()).toEqual({ sent: 120 });

    expect(slow.mostAtOnce).toBe(20);
    expect(new Set(slow.sent.map((mail) => mail.id)).size).toBe(120);
  });

  it('given a concurrency lower than a chunk, then it still bounds the mails on their way', async () => {
    const slow = new SlowMailSender();
    const testbed = buildNotificationsTestbed(
      { sender: { idleMs: 0, batchSize: 500, concurrency: 7 } },
      slow,
    );
    const mentees = Array.from({ length: 30 }, (_, i) => aUser(`Learner${i}`, 'Few'));
    await givenKnown(testbed, [coach, ...mentees]);
    await testbed.recordAssignmentMails.execute(mentees.map((mentee) => assignmentCreated(mentee, [coach])));

    expect(await testbed.sendDue.execute()).toEqual({ sent: 60 });

    expect(slow.mostAtOnce).toBe(7);
  });

  it('given the database refusing once to record a sent mail, then it is recorded on the next try and never sent again', async () => {
    const testbed = buildNotificationsTestbed();
    const mentee = aUser('Bruno', 'Rossi');
    await givenKnown(testbed, [coach, mentee]);
    const markSentMany = testbed.deliveries.markSentMany.bind(testbed.deliveries);
    let refused = 0;
    testbed.deliveries.markSentMany = async (marks) => {
      if (refused === 0) {
        refused += 1;
        throw new Error('write refused: not primary');
      }
      return markSentMany(marks);
    };
    await testbed.recordAssignmentMails.execute([assignmentCreated(mentee, [coach])]);

    expect(await testbed.sendDue.execute()).toEqual({ sent: 2 });
    testbed.clock.advance(testbed.config.delivery.leaseMs * 2);
    expect(await testbed.sendDue.execute()).toEqual({});

    expect(refused).toBe(1);
    expect(testbed.mailer.sent).toHaveLength(2);
    expect((await testbed.deliveriesTo(mentee.userId))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(testbed.logs.filter((line) => line.msg.startsWith('recording sent mails failed'))).toHaveLength(1);
  });

  it('given the database recording the sent mails but its answer lost, then the next try finds them recorded: no alert, nothing sent again', async () => {
    const testbed = buildNotificationsTestbed();
    const mentee = aUser('Bruno', 'Rossi');
    await givenKnown(testbed, [coach, mentee]);
    const markSentMany = testbed.deliveries.markSentMany.bind(testbed.deliveries);
    let lost = 0;
    testbed.deliveries.markSentMany = async (marks) => {
      const recorded = await markSentMany(marks);
      if (lost === 0) {
        lost += 1;
        throw new Error('connection reset before the answer');
      }
      return recorded;
    };
    await testbed.recordAssignmentMails.execute([assignmentCreated(mentee, [coach])]);

    expect(await testbed.sendDue.execute()).toEqual({ sent: 2 });
    testbed.clock.advance(testbed.config.delivery.leaseMs * 2);
    expect(await testbed.sendDue.execute()).toEqual({});

    expect(testbed.mailer.sent).toHaveLength(2);
    expect(testbed.logs.filter((line) => line.alert !== undefined)).toEqual([]);
  });

  it('given the database refusing every try to record a sent mail, then an alert says the mail may go out again', async () => {
    const testbed = buildNotificationsTestbed();
    const mentee = aUser('Bruno', 'Rossi');
    await givenKnown(testbed, [mentee]);
    testbed.deliveries.markSentMany = async () => {
      throw new Error('write refused: not primary');
    };
    await testbed.recordAssignmentMails.execute([assignmentCreated(mentee, [])]);

    expect(await testbed.sendDue.execute()).toEqual({ error: 1 });

    expect(testbed.logs).toContainEqual(expect.objectContaining({ alert: 'delivery-sent-unrecorded' }));
  });
});

/** A mail server that takes a little while per mail, and counts how many it holds at once. */
class SlowMailSender implements MailSender {
  readonly sent: OutgoingMail[] = [];
  mostAtOnce = 0;
  private atOnce = 0;

  async send(mail: OutgoingMail): Promise<void> {
    this.atOnce += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.atOnce);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.atOnce -= 1;
    this.sent.push(mail);
  }
}
