import { randomUUID } from 'node:crypto';
import {
  CourseRolesStream,
  CourseSessionsStream,
  EnrollmentsStream,
  type EnrollmentState,
} from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { eventually, MaildevClient, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment } from '@lms/service-testing';
import { notificationsUnderTest } from './support/notifications-under-test';
import { aPerson, TestEvents, type TestPerson } from './support/test-events';

interface DeliveryItem {
  kind: string;
  status: string;
  sourceEventId: string;
}

const run = uniqueSuffix();
const tenantId = `tenant-${run}`;
// The service reads its tenant and its database when its module is imported (in beforeAll).
isolateTestEnvironment('notifications');
process.env.DIGEST_WINDOW_MS = '0';
// Learners are reminded of sessions starting within a day; the job looks twice a second.
process.env.SESSION_REMINDER_LEAD_MS = String(24 * 3_600_000);
process.env.SESSION_REMINDER_INTERVAL_MS = '500';

const HOUR = 3_600_000;

/**
 * Mails about the sessions of instructor-led courses against the real broker, database and
 * SMTP server: enrollments and sessions go in through Kafka as learning publishes them, mails
 * come out in MailDev.
 */
describe('mails about sessions (Kafka + Mongo + SMTP)', () => {
  const mailbox = new MaildevClient();
  const platform = new TestEvents(tenantId);
  const learning = new EventFactory('learning');
  const notifications = notificationsUnderTest(tenantId, `notifications-sessions-test-${run}`);
  const { publishAndWait } = notifications;

  async function deliveriesTo(user: TestPerson): Promise<DeliveryItem[]> {
    const response = await notifications
      .service()
      .request('GET', `/v1/deliveries?recipientId=${user.userId}`);
    expect(response.status).toBe(200);
    return (response.body as { items: DeliveryItem[] }).items;
  }

  function enrolledInSession(
    learner: TestPerson,
    courseId: string,
    sessionId: string,
    state: EnrollmentState = 'enrolled',
  ): OutboxEntry {
    const enrollmentId = randomUUID();
    return learning.create(EnrollmentsStream, 'enrollment.created', {
      tenantId,
      aggregateId: enrollmentId,
      aggregateVersion: 1,
      payload: {
        enrollmentId,
        courseId,
        courseTitle: 'Negoziazione',
        userId: learner.userId,
        sessionId,
        state,
        previousState: null,
        updatedAt: new Date().toISOString(),
      },
    });
  }

  function sessionState(sessionId: string, courseId: string, startsAt: Date, place: string) {
    return {
      sessionId,
      courseId,
      courseTitle: 'Negoziazione',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 4 * HOUR).toISOString(),
      place,
      link: null,
      capacity: 12,
      updatedAt: new Date().toISOString(),
    };
  }

  /** An instructor's role in the course granted or revoked, at the course's `version`. */
  function instructorRole(
    type: 'course-role.granted' | 'course-role.revoked',
    who: TestPerson,
    courseId: string,
    version: number,
  ): OutboxEntry {
    return learning.create(CourseRolesStream, type, {
      tenantId,
      aggregateId: courseId,
      aggregateVersion: version,
      payload: {
        courseId,
        courseTitle: 'Negoziazione',
        userId: who.userId,
        role: 'instructor',
        changedAt: new Date().toISOString(),
      },
    });
  }

  it('given a learner enrolled in a session and an instructor of its course, when the session is moved to within a day and the event is delivered twice, then each gets one "session changed" mail and one reminder, in its language; a former instructor none', async () => {
    const learner = aPerson('Giulia', 'Marini', 'it');
    const waiting = aPerson('Walter', 'Neri');
    const instructor = aPerson('Ivo', 'Conti');
    const former = aPerson('Rita', 'Gallo');
    const [courseId, sessionId] = [randomUUID(), randomUUID()];
    await publishAndWait([
      platform.userCreated(learner),
      platform.userCreated(waiting),
      platform.userCreated(instructor),
      platform.userCreated(former),
    ]);
    await publishAndWait([
      instructorRole('course-role.granted', instructor, courseId, 2),
      instructorRole('course-role.granted', former, courseId, 3),
      instructorRole('course-role.revoked', former, courseId, 4),
    ]);
    const farAway = new Date(Date.now() + 72 * HOUR);
    const soon = new Date(Date.now() + 3 * HOUR);
    const scheduled = learning.create(CourseSessionsStream, 'course-session.scheduled', {
      tenantId,
      aggregateId: sessionId,
      aggregateVersion: 1,
      payload: sessionState(sessionId, courseId, farAway, 'Milano, sala 4'),
    });
    await publishAndWait([
      enrolledInSession(learner, courseId, sessionId),
      enrolledInSession(waiting, courseId, sessionId, 'to_be_confirmed'),
      scheduled,
    ]);
    await eventually(async () => expect(await mailbox.to(learner.email)).toHaveLength(1));
    await eventually(async () => expect(await mailbox.to(waiting.email)).toHaveLength(1));

    const rescheduled = learning.create(CourseSessionsStream, 'course-session.rescheduled', {
      tenantId,
      aggregateId: sessionId,
      aggregateVersion: 2,
      payload: {
        ...sessionState(sessionId, courseId, soon, 'Roma, sala 2'),
        previousStartsAt: farAway.toISOString(),
        previousEndsAt: new Date(farAway.getTime() + 4 * HOUR).toISOString(),
        previousPlace: 'Milano, sala 4',
        previousLink: null,
      },
    });
    await publishAndWait([rescheduled]);
    await publishAndWait([rescheduled]);

    const mails = await eventually(async () => {
      const received = await mailbox.to(learner.email);
      expect(received).toHaveLength(3);
      return received;
    });
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'Promemoria: la tua sessione del corso Negoziazione si avvicina',
      'Sei iscritto al corso Negoziazione',
      'Una sessione del corso Negoziazione è cambiata',
    ]);
    const changed = mails.find((mail) => mail.subject.startsWith('Una sessione'));
    expect(changed?.text).toContain('presso Roma, sala 2');
    expect(changed?.text).toContain('presso Milano, sala 4');
    expect(changed?.text).toContain('(Europe/Rome)');
    expect(changed?.html).toContain('/learning/courses/');

    // The reminder job keeps running and the event came twice: still one mail of each.
    await publishAndWait([rescheduled]);
    await eventually(async () => {
      const log = await deliveriesTo(learner);
      expect(log.map((d) => `${d.kind} ${d.status}`).sort()).toEqual([
        'course-session.reminder.learner sent',
        'course-session.rescheduled.learner sent',
        'enrollment.enrolled.learner sent',
      ]);
    });
    expect(await mailbox.to(learner.email)).toHaveLength(3);
    const taught = await eventually(async () => {
      const received = await mailbox.to(instructor.email);
      expect(received).toHaveLength(2);
      return received;
    });
    expect(taught.map((mail) => mail.subject).sort()).toEqual([
      'A session you teach in Negoziazione has changed',
      'Reminder: you teach a session of Negoziazione soon',
    ]);
    expect(await mailbox.to(former.email)).toEqual([]);
    expect(
      (await mailbox.to(waiting.email)).filter(
        (mail) => !mail.subject.includes('attesa') && !mail.subject.includes('waiting'),
      ),
    ).toEqual([]);
  });
});
