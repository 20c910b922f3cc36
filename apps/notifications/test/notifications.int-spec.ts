import { randomUUID } from 'node:crypto';
import { AssignmentsStream } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { eventually, MaildevClient, uniqueSuffix, type ReceivedMail } from '@lms/testing';
import { isolateTestEnvironment } from '@lms/service-testing';
import type { Principal } from '@lms/service-kit';
import { individualAssignmentPayload } from '../src/testing/notifications-testbed';
import { notificationsUnderTest } from './support/notifications-under-test';
import { aPerson, TestEvents, type TestPerson } from './support/test-events';

interface DeliveryItem {
  id: string;
  recipientId: string;
  kind: string;
  sourceEventId: string;
  status: string;
  pendingReason?: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError?: string;
}

const run = uniqueSuffix();
const tenantId = `tenant-${run}`;
// The service reads its tenant and its database when its module is imported (in beforeAll).
isolateTestEnvironment('notifications');
// Each mail goes out alone here, at once; coach-digest.int-spec.ts covers digests.
process.env.DIGEST_WINDOW_MS = '0';

/**
 * Notifications against the real broker, database and SMTP server: events go in through
 * Kafka as identity and coaching publish them, mails come out in MailDev.
 */
describe('notifications (Kafka + Mongo + SMTP)', () => {
  const mailbox = new MaildevClient();
  const platform = new TestEvents(tenantId);
  const coaching = new EventFactory('coaching');
  const notifications = notificationsUnderTest(tenantId, `notifications-test-${run}`);
  const { publishAndWait } = notifications;

  async function deliveries(query: string): Promise<DeliveryItem[]> {
    const response = await notifications.service().request('GET', `/v1/deliveries?${query}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ limit: 50, nextCursor: null });
    return (response.body as { items: DeliveryItem[] }).items;
  }

  function deliveryIds(mails: ReceivedMail[]): string[] {
    return mails.map((mail) => String(mail.headers['x-delivery-id']));
  }

  it('mails the mentees and their coach once each, and logs the deliveries as sent', async () => {
    const coach = aPerson('Ada', 'Lovelace');
    const bruno = aPerson('Bruno', 'Rossi', 'it');
    const carla = aPerson('Carla', 'Bianchi');
    await publishAndWait([
      platform.userCreated(coach),
      platform.userCreated(bruno),
      platform.userCreated(carla),
    ]);
    const forBruno = platform.assignmentCreated(bruno, [coach]);
    const forCarla = platform.assignmentCreated(carla, [coach]);

    await publishAndWait([forBruno, forCarla]);

    const [brunoMails, carlaMails, coachMails] = await eventually(async () => {
      const mails = [
        await mailbox.to(bruno.email),
        await mailbox.to(carla.email),
        await mailbox.to(coach.email),
      ];
      expect(mails.map((m) => m.length)).toEqual([1, 1, 2]);
      return mails;
    });
    expect(brunoMails[0].subject).toBe('Il tuo percorso di coaching con Ada Lovelace è iniziato');
    expect(brunoMails[0].text).toContain('Ciao Bruno,');
    expect(brunoMails[0].html).toContain('Ada Lovelace');
    expect(brunoMails[0].to).toEqual([{ address: bruno.email, name: 'Bruno Rossi' }]);
    expect(carlaMails[0].subject).toBe('Your coaching with Ada Lovelace has started');
    expect(coachMails.map((mail) => mail.subject).sort()).toEqual([
      'New mentee: Bruno Rossi',
      'New mentee: Carla Bianchi',
    ]);
    expect(coachMails[0].text).toContain('Hi Ada,');
    expect(coachMails[0].text).toContain('http://127.0.0.1:3000/coaching/assignments/');

    const logged = await eventually(async () => {
      const items = await deliveries(`sourceEventId=${forBruno.eventId}`);
      expect(items.map((d) => d.status)).toEqual(['sent', 'sent']);
      return items;
    });
    expect(logged.map((d) => `${d.recipientId} ${d.kind}`).sort()).toEqual(
      [`${bruno.userId} assignment.created.mentee`, `${coach.userId} assignment.created.coach`].sort(),
    );
    expect(logged[0]).toMatchObject({
      sourceEventId: forBruno.eventId,
      attempts: 1,
      sentAt: expect.any(String),
    });
    expect(deliveryIds(brunoMails)).toEqual([logged.find((d) => d.recipientId === bruno.userId)?.id]);
    expect(await deliveries(`recipientId=${coach.userId}&status=sent`)).toHaveLength(2);

    // The same events again (a redelivery): nothing new is written and nobody is mailed twice.
    await publishAndWait([forBruno, forCarla]);

    expect(await deliveries(`sourceEventId=${forBruno.eventId}`)).toHaveLength(2);
    expect(await deliveries(`recipientId=${coach.userId}`)).toHaveLength(2);
    expect(await mailbox.to(bruno.email)).toHaveLength(1);
    expect(await mailbox.to(carla.email)).toHaveLength(1);
    const coachMailsAfter = await mailbox.to(coach.email);
    expect(coachMailsAfter).toHaveLength(2);
    expect(new Set(deliveryIds(coachMailsAfter)).size).toBe(2);
  });

  it('given a transfer and a coming end, then the mentee, the arriving coach and the leaving one are each mailed once, in their language', async () => {
    const [oldCoach, newCoach] = [aPerson('Olga', 'Neri', 'it'), aPerson('Nils', 'Berg')];
    const mentee = aPerson('Marta', 'Conti');
    await publishAndWait([
      platform.userCreated(oldCoach),
      platform.userCreated(newCoach),
      platform.userCreated(mentee),
    ]);
    const assignmentId = randomUUID();
    const state = { ...individualAssignmentPayload(assignmentId, mentee, [newCoach]), endDate: '2026-03-09' };
    const transferred = coaching.create(AssignmentsStream, 'assignment.transferred', {
      tenantId,
      aggregateId: assignmentId,
      aggregateVersion: 2,
      payload: { ...state, previousCoachIds: [oldCoach.userId] },
    });
    const expiring = coaching.create(AssignmentsStream, 'assignment.expiring', {
      tenantId,
      aggregateId: assignmentId,
      aggregateVersion: 3,
      payload: { ...state, daysLeft: 2 },
    });

    await publishAndWait([transferred, expiring]);
    // Delivered twice: still once each.
    await publishAndWait([transferred, expiring]);

    const [menteeMails, newCoachMails, oldCoachMails] = await eventually(async () => {
      const mails = [
        await mailbox.to(mentee.email),
        await mailbox.to(newCoach.email),
        await mailbox.to(oldCoach.email),
      ];
      expect(mails.map((m) => m.length)).toEqual([2, 2, 1]);
      return mails;
    });
    expect(menteeMails.map((mail) => mail.subject).sort()).toEqual([
      'Your coaching continues with Nils Berg',
      'Your coaching with Nils Berg ends in 2 days',
    ]);
    expect(newCoachMails.map((mail) => mail.subject).sort()).toEqual([
      'New mentee: Marta Conti',
      'Your coaching of Marta Conti ends in 2 days',
    ]);
    expect(oldCoachMails[0].subject).toBe('Il coaching di Marta Conti è stato affidato a un altro coach');
  });

  it('keeps the mail of a user it does not know yet, and sends it when the user is created', async () => {
    const coach = aPerson('Grace', 'Hopper');
    const dario = aPerson('Dario', 'Verdi', 'it');
    await publishAndWait([platform.userCreated(coach)]);
    const assignment = platform.assignmentCreated(dario, [coach]);

    await publishAndWait([assignment]);

    const waiting = await deliveries(`recipientId=${dario.userId}`);
    expect(waiting).toEqual([
      expect.objectContaining({
        kind: 'assignment.created.mentee',
        status: 'pending',
        pendingReason: 'waiting_recipient',
      }),
    ]);
    // The coach is mailed at once, without the mentee's name for now.
    await eventually(async () =>
      expect((await mailbox.to(coach.email)).map((m) => m.subject)).toEqual(['You have a new mentee']),
    );
    expect(await mailbox.to(dario.email)).toHaveLength(0);

    await publishAndWait([platform.userCreated(dario)]);

    const [mail] = await eventually(async () => {
      const mails = await mailbox.to(dario.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.subject).toBe('Il tuo percorso di coaching con Grace Hopper è iniziato');
    expect(mail.text).toContain('Ciao Dario,');
    expect(await deliveries(`recipientId=${dario.userId}`)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 1, sourceEventId: assignment.eventId }),
    ]);
  });

  it('given a mentee deactivated before an assignment names them, then the mentee gets no mail and the coach does', async () => {
    const coach = aPerson('Katherine', 'Johnson');
    const elena = aPerson('Elena', 'Neri', 'it');
    await publishAndWait([platform.userCreated(coach), platform.userCreated(elena)]);
    await publishAndWait([platform.userUpdated(elena, 2, 'deactivated')]);
    const assignment = platform.assignmentCreated(elena, [coach]);

    await publishAndWait([assignment]);

    await eventually(async () =>
      expect((await mailbox.to(coach.email)).map((m) => m.subject)).toEqual(['New mentee: Elena Neri']),
    );
    const logged = await eventually(async () => {
      const items = await deliveries(`sourceEventId=${assignment.eventId}`);
      expect(items.map((d) => `${d.recipientId} ${d.status}`).sort()).toEqual(
        [`${coach.userId} sent`, `${elena.userId} cancelled`].sort(),
      );
      return items;
    });
    expect(logged.find((d) => d.recipientId === elena.userId)).toMatchObject({
      kind: 'assignment.created.mentee',
      attempts: 0,
      sentAt: null,
      lastError: expect.stringMatching(/^RECIPIENT\.DEACTIVATED:/),
    });
    expect(await mailbox.to(elena.email)).toHaveLength(0);
  });

  /** A user of the test tenant who administers nothing, as a caller of the service. */
  function asUser(user: TestPerson): Principal {
    return { tenantId, userId: user.userId, level: 'user', roles: [] };
  }

  it('given a mentee who opted out of new assignments, then only its coach is mailed, and the log shows its delivery cancelled', async () => {
    const coach = aPerson('Dorothy', 'Vaughan');
    const fabio = aPerson('Fabio', 'Gallo', 'it');
    await publishAndWait([platform.userCreated(coach), platform.userCreated(fabio)]);
    const before = new Date(Date.now() - 1_000).toISOString();

    const chosen = await notifications
      .service()
      .request(
        'PUT',
        '/v1/me/preferences',
        { optedOut: ['assignment.created'] },
        { as: asUser(fabio), headers: { 'if-match': '"0"' } },
      );
    expect(chosen.status).toBe(200);
    expect(chosen.headers.etag).toBe('"1"');
    expect(chosen.body).toMatchObject({ id: fabio.userId, optedOut: ['assignment.created'], version: 1 });
    const read = await notifications
      .service()
      .request('GET', '/v1/me/preferences', undefined, { as: asUser(fabio) });
    expect(read.body).toEqual(chosen.body);
    expect(read.headers.etag).toBe('"1"');
    const assignment = platform.assignmentCreated(fabio, [coach]);

    await publishAndWait([assignment]);

    await eventually(async () =>
      expect((await mailbox.to(coach.email)).map((m) => m.subject)).toEqual(['New mentee: Fabio Gallo']),
    );
    const logged = await eventually(async () => {
      const items = await deliveries(`sourceEventId=${assignment.eventId}`);
      expect(items.map((d) => `${d.recipientId} ${d.status}`).sort()).toEqual(
        [`${coach.userId} sent`, `${fabio.userId} cancelled`].sort(),
      );
      return items;
    });
    expect(logged.find((d) => d.recipientId === fabio.userId)).toMatchObject({
      kind: 'assignment.created.mentee',
      attempts: 0,
      sentAt: null,
      lastError: expect.stringMatching(/^RECIPIENT\.OPTED_OUT:/),
    });
    expect(await mailbox.to(fabio.email)).toHaveLength(0);
    const after = new Date(Date.now() + 1_000).toISOString();
    expect(
      await deliveries(
        `recipientId=${fabio.userId}&kind=assignment.created.mentee&from=${before}&to=${after}`,
      ),
    ).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    expect(await deliveries(`recipientId=${fabio.userId}&to=${before}`)).toEqual([]);

    // The mentee reads its own log, and nobody else's.
    const own = await notifications
      .service()
      .request('GET', '/v1/deliveries', undefined, { as: asUser(fabio) });
    expect(own.status).toBe(200);
    expect((own.body as { items: DeliveryItem[] }).items.map((d) => d.recipientId)).toEqual([fabio.userId]);
    const others = await notifications
      .service()
      .request('GET', `/v1/deliveries?recipientId=${coach.userId}`, undefined, {
        as: asUser(fabio),
      });
    expect(others.status).toBe(403);
    expect(others.body).toMatchObject({ code: 'DELIVERY.FORBIDDEN' });
  });

  it('refuses a change of preferences made from an older version, and an unknown category', async () => {
    const gina = aPerson('Gina', 'Moro');
    const first = await notifications
      .service()
      .request('PUT', '/v1/me/preferences', { optedOut: [] }, { as: asUser(gina) });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"0"');

    await notifications
      .service()
      .request('PUT', '/v1/me/preferences', { optedOut: ['assignment.ended'] }, { as: asUser(gina) });
    const stale = await notifications
      .service()
      .request(
        'PUT',
        '/v1/me/preferences',
        { optedOut: [] },
        { as: asUser(gina), headers: { 'if-match': '"0"' } },
      );
    const unknown = await notifications
      .service()
      .request('PUT', '/v1/me/preferences', { optedOut: ['password.reset'] }, { as: asUser(gina) });

    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'REQUEST.STALE_VERSION' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    const kept = await notifications
      .service()
      .request('GET', '/v1/me/preferences', undefined, { as: asUser(gina) });
    expect(kept.body).toMatchObject({ optedOut: ['assignment.ended'], version: 1 });
  });

  it('given a mail the mail server refused for good, when an administrator retries it after the address was corrected, then it is sent once', async () => {
    const coach = aPerson('Hedy', 'Lamarr');
    const ivo = aPerson('Ivo', 'Serra');
    // A valid address (identity accepts it) that the mail server refuses: 254 characters, one
    // more than an SMTP path may carry.
    const local = `ivo.${uniqueSuffix()}`.padEnd(60, 'x');
    const domain = ['a', 'b', 'c'].map((letter) => letter.repeat(58)).join('.') + '.int.example.test';
    const refused = { ...ivo, email: `${local}@${domain}` };
    expect(refused.email).toHaveLength(254);
    await publishAndWait([platform.userCreated(coach), platform.userCreated(refused)]);
    const assignment = platform.assignmentCreated(ivo, [coach]);

    await publishAndWait([assignment]);

    const parked = await eventually(async () => {
      const [item] = await deliveries(`recipientId=${ivo.userId}`);
      expect(item).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('501'),
      });
      return item;
    });
    await publishAndWait([platform.userUpdated(ivo, 2, 'active')]);
    const otherTenant = await notifications
      .service()
      .request('POST', `/v1/deliveries/${parked.id}/retry`, undefined, {
        as: { tenantId: `other-${tenantId}`, userId: 'admin', level: 'superadmin', roles: [] },
      });
    const byUser = await notifications
      .service()
      .request('POST', `/v1/deliveries/${parked.id}/retry`, undefined, {
        as: asUser(ivo),
      });
    expect(otherTenant.status).toBe(404);
    expect(otherTenant.body).toMatchObject({ code: 'DELIVERY.NOT_FOUND' });
    expect(byUser.status).toBe(403);

    const retried = await notifications.service().request('POST', `/v1/deliveries/${parked.id}/retry`);

    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({
      id: parked.id,
      status: 'sent',
      attempts: 2,
      sentAt: expect.any(String),
    });
    const [mail] = await eventually(async () => {
      const mails = await mailbox.to(ivo.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(deliveryIds([mail])).toEqual([parked.id]);
    const again = await notifications.service().request('POST', `/v1/deliveries/${parked.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DELIVERY.NOT_FAILED' });
    expect(await deliveries(`recipientId=${ivo.userId}&status=sent`)).toHaveLength(1);
    expect(await mailbox.to(ivo.email)).toHaveLength(1);
  });

  it('refuses a page larger than 200 and an unknown status', async () => {
    const tooLarge = await notifications.service().request('GET', '/v1/deliveries?limit=201');
    const badStatus = await notifications.service().request('GET', '/v1/deliveries?status=lost');

    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    expect(badStatus.status).toBe(400);
  });

  it('given an enrollment published twice, then the learner gets one mail about the course, in its language', async () => {
    const learner = aPerson('Giulia', 'Marini', 'it');
    await publishAndWait([platform.userCreated(learner)]);
    const enrolled = platform.enrollmentCreated(
      learner,
      { courseId: randomUUID(), title: 'Negoziazione' },
      'enrolled',
    );

    await publishAndWait([enrolled]);
    await publishAndWait([enrolled]);

    const [mail, ...more] = await eventually(async () => {
      const mails = await mailbox.to(learner.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect([...more, ...(await mailbox.to(learner.email)).slice(1)]).toEqual([]);
    expect(mail?.subject).toBe('Sei iscritto al corso Negoziazione');
    expect(mail?.text).toContain('/learning/courses/');
    expect(await deliveries(`recipientId=${learner.userId}`)).toEqual([
      expect.objectContaining({ kind: 'enrollment.enrolled.learner', status: 'sent' }),
    ]);
  });

  it('given a reviewer assigned to a course, then the reviewer is mailed once, in its language', async () => {
    const reviewer = aPerson('Renata', 'Rossi', 'it');
    await publishAndWait([platform.userCreated(reviewer)]);
    const granted = platform.reviewerGranted(reviewer, { courseId: randomUUID(), title: 'Negoziazione' });

    await publishAndWait([granted]);
    await publishAndWait([granted]);

    await eventually(async () =>
      expect((await mailbox.to(reviewer.email)).map((mail) => mail.subject)).toEqual([
        'Sei revisore del corso Negoziazione',
      ]),
    );
  });

  it('shows what it did at /metrics: mails sent and events consumed, for a scraper, outside the API', async () => {
    const response = await notifications.service().request('GET', '/metrics', { as: null });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const { text } = response;
    const value = (series: string): number =>
      Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    // Every test above sent mails and consumed events through this instance.
    expect(value('mail_deliveries_total{outcome="sent",service="notifications"}')).toBeGreaterThan(0);
    expect(value('events_consumed_total{outcome="processed",service="notifications"}')).toBeGreaterThan(0);
    expect(value('events_consumed_total{outcome="dead_lettered",service="notifications"}')).toBe(0);
    expect(text).toContain('process_resident_memory_bytes{service="notifications"}');
  });
});
