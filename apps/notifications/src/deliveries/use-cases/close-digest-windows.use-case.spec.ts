import { decideDigest, DEFAULT_DIGEST_SETTINGS } from '../domain/coach-digest';
import { DIGEST_BUSY_RETRY_MS } from './close-digest-windows.use-case';
import {
  assignmentCreated,
  assignmentEnded,
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
  type NotificationsTestbed,
  type TestUser,
} from '../../testing/notifications-testbed';

const WINDOW_MS = 30_000;
const DIGESTS_ON = { digest: { ...DEFAULT_DIGEST_SETTINGS, windowMs: WINDOW_MS, threshold: 5, names: 3 } };

describe("a coach's digest of new mentees", () => {
  const coach = aUser('Ada', 'Lovelace');

  async function given(testbed: NotificationsTestbed, mentees: TestUser[]): Promise<void> {
    for (const user of [coach, ...mentees]) await testbed.userArrives(userCreated(user));
    for (const mentee of mentees) {
      await testbed.recordAssignmentMails.execute([assignmentCreated(mentee, [coach])]);
      testbed.clock.advance(1);
    }
  }

  const someMentees = (count: number) =>
    Array.from({ length: count }, (_, i) => aUser(`Learner${String(i).padStart(2, '0')}`, 'Burst'));

  it('given many new mentees within the window, then the coach gets one digest once it closes, and each mentee its own mail at once', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    const mentees = someMentees(12);
    await given(testbed, mentees);

    expect(await testbed.sendDue.execute()).toEqual({ sent: 12 });
    expect(testbed.mailer.to(coach.email)).toHaveLength(0);

    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();

    const [digest, ...more] = testbed.mailer.to(coach.email);
    expect(more).toHaveLength(0);
    expect(digest?.subject).toBe('12 new mentees have been assigned to you');
    expect(digest?.text).toContain(
      'Among them: Learner00 Burst, Learner01 Burst and Learner02 Burst, and 9 more.',
    );
    expect(digest?.text).toContain('https://app.example.test/coaching/mentees');
    for (const mentee of mentees) expect(testbed.mailer.to(mentee.email)).toHaveLength(1);
    const log = await testbed.deliveriesTo(coach.userId);
    const digestDelivery = log.find((d) => d.kind === 'assignment.created.coach-digest');
    expect(digestDelivery?.status).toBe('sent');
    expect(log.filter((d) => d.status === 'digested' && d.digestId === digestDelivery?.id)).toHaveLength(12);
    expect(await testbed.sendDue.execute()).toEqual({});
    expect(testbed.logs.filter((line) => line.level >= 50)).toEqual([]);
    const metrics = await testbed.metrics.text();
    expect(metrics).toContain('mail_digests_total 1');
    expect(metrics).toContain('mail_digested_deliveries_total 12');
    // Twelve mentees' mails and the digest.
    expect(metrics).toContain('mail_deliveries_total{outcome="sent"} 13');
  });

  it('given fewer new mentees than the threshold, then each goes out alone once the window closes', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    const mentees = someMentees(4);
    await given(testbed, mentees);
    await testbed.sendDue.execute();

    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();

    expect(
      testbed.mailer
        .to(coach.email)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(mentees.map((m) => `New mentee: ${m.firstName} ${m.lastName}`).sort());
    expect((await testbed.deliveriesTo(coach.userId)).every((d) => d.status === 'sent')).toBe(true);
  });

  it('given another instance forming the digest, then this one sends nothing of it and looks again after that one is done', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    await given(testbed, someMentees(6));
    testbed.clock.advance(WINDOW_MS);
    const elsewhere = await testbed.digestLocks.acquire(
      { tenantId: TEST_TENANT, digestKey: `assignment.created.coach:${coach.userId}` },
      'another-instance',
      testbed.clock.now(),
      new Date(testbed.clock.now().getTime() + 60_000),
    );

    const report = await testbed.sendDue.execute();

    expect(elsewhere).not.toBeNull();
    expect(report).toEqual({ sent: 6, digest_pending: 6 });
    expect(testbed.mailer.to(coach.email)).toHaveLength(0);
    // The other instance crashed holding the lock: once its lease runs out, the digest goes out once.
    testbed.clock.advance(60_000);
    await testbed.sendDue.execute();
    await testbed.sendDue.execute();
    expect(testbed.mailer.to(coach.email).map((mail) => mail.subject)).toEqual([
      '6 new mentees have been assigned to you',
    ]);
  });

  it('given an instance that crashed after deciding a digest, then the next applies the same digest, and it goes out once', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    const mentees = someMentees(7);
    await given(testbed, mentees);
    testbed.clock.advance(WINDOW_MS);
    // The crashed instance decided over the first five, recorded its plan, and died.
    const all = await testbed.deliveries.findDigestMembers(
      TEST_TENANT,
      `assignment.created.coach:${coach.userId}`,
      100,
    );
    const plan = decideDigest(all.slice(0, 5), DIGESTS_ON.digest, testbed.clock.now());
    if (plan.outcome !== 'digest') throw new Error('expected a digest');
    const key = { tenantId: TEST_TENANT, digestKey: `assignment.created.coach:${coach.userId}` };
    const crashed = await testbed.digestLocks.acquire(
      key,
      'crashed',
      testbed.clock.now(),
      testbed.clock.now(),
    );
    if (!crashed) throw new Error('expected the lock');
    await testbed.digestLocks.stage(crashed, { digest: plan.digest, memberIds: plan.memberIds });

    await testbed.sendDue.execute();
    testbed.clock.advance(DIGEST_BUSY_RETRY_MS);
    await testbed.sendDue.execute();

    const subjects = testbed.mailer.to(coach.email).map((mail) => mail.subject);
    // The plan's five in its digest; the two it did not name go out alone (fewer than five left).
    expect(subjects.filter((s) => s === '5 new mentees have been assigned to you')).toHaveLength(1);
    expect(subjects.filter((s) => s.startsWith('New mentee: '))).toHaveLength(2);
    expect(subjects).toHaveLength(3);
    const log = await testbed.deliveriesTo(coach.userId);
    expect(log.filter((d) => d.digestId === plan.digest.id)).toHaveLength(5);
  });

  it('given many coachings of one coach ending at once, then the coach gets one digest of them', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    const mentees = someMentees(6);
    for (const user of [coach, ...mentees]) await testbed.userArrives(userCreated(user));
    const created = mentees.map((mentee) => assignmentCreated(mentee, [coach]));
    await testbed.recordAssignmentMails.execute(created);
    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();

    await testbed.recordAssignmentMails.execute(created.map(assignmentEnded));
    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(coach.email).map((mail) => mail.subject)).toEqual([
      '6 new mentees have been assigned to you',
      '6 of your coachings have ended',
    ]);
    for (const mentee of mentees) expect(testbed.mailer.to(mentee.email)).toHaveLength(2);
  });

  it('given every event delivered again after the digest, then nothing more is sent', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    const mentees = someMentees(5);
    for (const user of [coach, ...mentees]) await testbed.userArrives(userCreated(user));
    const events = mentees.map((mentee) => assignmentCreated(mentee, [coach]));
    await testbed.recordAssignmentMails.execute(events);
    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();
    const sent = testbed.mailer.sent.length;

    await testbed.recordAssignmentMails.execute(events);
    testbed.clock.advance(WINDOW_MS);
    await testbed.sendDue.execute();

    expect(sent).toBe(6);
    expect(testbed.mailer.sent).toHaveLength(6);
  });

  it('given a coach who opted out of new-mentee mails, then the digest is cancelled, not sent', async () => {
    const testbed = buildNotificationsTestbed(DIGESTS_ON);
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: coach.userId,
      optedOut: ['assignment.created'],
    });
    await given(testbed, someMentees(5));
    testbed.clock.advance(WINDOW_MS);

    await testbed.sendDue.execute();

    expect(testbed.mailer.to(coach.email)).toHaveLength(0);
    const digest = (await testbed.deliveriesTo(coach.userId)).find(
      (d) => d.kind === 'assignment.created.coach-digest',
    );
    expect(digest?.status).toBe('cancelled');
  });
});
