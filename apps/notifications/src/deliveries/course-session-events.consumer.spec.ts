import { randomUUID } from 'node:crypto';
import { CourseSessionsStream, EnrollmentsStream, type EnrollmentState } from '@lms/contracts';
import {
  aUser,
  buildNotificationsTestbed,
  envelope,
  TEST_TENANT,
  userCreated,
  type TestUser,
} from '../testing/notifications-testbed';
import { CourseSessionEventsConsumer } from './course-session-events.consumer';
import { EnrollmentEventsConsumer } from './enrollment-events.consumer';

const SESSION_ID = 'session-1';
const HELD = {
  sessionId: SESSION_ID,
  courseId: 'course-1',
  courseTitle: 'Negoziazione',
  startsAt: '2027-01-15T08:00:00.000Z',
  endsAt: '2027-01-15T16:00:00.000Z',
  place: 'Milano, sala 4',
  link: null,
  capacity: 12,
  updatedAt: '2026-03-02T09:00:00.000Z',
};
const MOVED = { ...HELD, startsAt: '2027-01-16T08:00:00.000Z', endsAt: '2027-01-16T16:00:00.000Z' };

describe('CourseSessionEventsConsumer and the sessions learners attend', () => {
  const ada = aUser('Ada', 'Lovelace');
  const bruno = aUser('Bruno', 'Rossi', 'it');
  const carla = aUser('Carla', 'Bianchi');
  /** Each learner's enrollment in the session: one per learner, whatever the test. */
  const enrollmentIds = new Map<string, string>();

  async function setUp() {
    const testbed = buildNotificationsTestbed();
    const sessions = new CourseSessionEventsConsumer(testbed.handleSessionEvents);
    const enrollments = new EnrollmentEventsConsumer(
      testbed.recordEnrollmentMails,
      testbed.projectAttendance,
    );
    for (const user of [ada, bruno, carla]) await testbed.userArrives(userCreated(user));
    testbed.mailer.sent.length = 0;
    /** The mails recorded so far go out, and are forgotten: the test reads what follows. */
    const settle = async () => {
      await testbed.sendDue.execute();
      testbed.mailer.sent.length = 0;
    };
    return { testbed, sessions, enrollments, settle };
  }

  function enrollment(
    user: TestUser,
    state: EnrollmentState,
    version: number,
    type: 'enrollment.created' | 'enrollment.state-changed' | 'enrollment.deleted' = 'enrollment.created',
  ) {
    const enrollmentId = enrollmentIds.get(user.userId) ?? randomUUID();
    enrollmentIds.set(user.userId, enrollmentId);
    return envelope('learning', EnrollmentsStream, type, {
      aggregateId: enrollmentId,
      aggregateVersion: version,
      payload: {
        enrollmentId,
        courseId: 'course-1',
        courseTitle: 'Negoziazione',
        userId: user.userId,
        sessionId: SESSION_ID,
        state,
        previousState: null,
        updatedAt: '2026-03-02T09:00:00.000Z',
      },
    });
  }

  const rescheduled = (version: number, payload = MOVED, before = HELD) =>
    envelope('learning', CourseSessionsStream, 'course-session.rescheduled', {
      aggregateId: SESSION_ID,
      aggregateVersion: version,
      payload: {
        ...payload,
        previousStartsAt: before.startsAt,
        previousEndsAt: before.endsAt,
        previousPlace: before.place,
        previousLink: before.link,
      },
    });
  const stateEvent = (
    type: 'course-session.scheduled' | 'course-session.updated' | 'course-session.cancelled',
    version: number,
    payload = HELD,
  ) =>
    envelope('learning', CourseSessionsStream, type, {
      aggregateId: SESSION_ID,
      aggregateVersion: version,
      payload,
    });

  it('given a session moved and the event delivered twice, then each learner attending it gets exactly one mail, in its language, with the old and the new time in its time zone', async () => {
    const { testbed, sessions, enrollments, settle } = await setUp();
    await enrollments.onEnrollmentEvents([
      enrollment(ada, 'enrolled', 1),
      enrollment(bruno, 'in_progress', 2),
      enrollment(carla, 'to_be_confirmed', 1),
    ]);
    await settle();
    await sessions.onSessionEvents([stateEvent('course-session.scheduled', 1)]);
    const moved = rescheduled(2);

    await sessions.onSessionEvents([moved]);
    await sessions.onSessionEvents([moved]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(bruno.email).map((mail) => mail.subject)).toEqual([
      'Una sessione del corso Negoziazione è cambiata',
    ]);
    expect(testbed.mailer.to(bruno.email)[0]?.text).toContain(
      'Ora si tiene sabato 16 gennaio 2027, 09:00–17:00 (Europe/Rome), presso Milano, sala 4.',
    );
    expect(testbed.mailer.to(bruno.email)[0]?.text).toContain(
      'Era prevista venerdì 15 gennaio 2027, 09:00–17:00',
    );
    expect(testbed.mailer.to(ada.email).map((mail) => mail.subject)).toEqual([
      'A session of Negoziazione has changed',
    ]);
    expect(testbed.mailer.to(carla.email)).toEqual([]);
    expect(await testbed.scheduledSessions.find(TEST_TENANT, SESSION_ID)).toMatchObject({
      startsAt: new Date(MOVED.startsAt),
      version: 2,
    });
  });

  it('given a change of capacity only, then nobody is mailed; given a cancellation, then the learners still enrolled are, and an older event after it mails nobody', async () => {
    const { testbed, sessions, enrollments, settle } = await setUp();
    await enrollments.onEnrollmentEvents([enrollment(ada, 'enrolled', 1), enrollment(bruno, 'enrolled', 1)]);
    await enrollments.onEnrollmentEvents([enrollment(bruno, 'enrolled', 2, 'enrollment.deleted')]);
    await settle();

    await sessions.onSessionEvents([stateEvent('course-session.updated', 2, { ...HELD, capacity: 20 })]);
    await testbed.sendDue.execute();
    expect(testbed.mailer.sent).toEqual([]);

    await sessions.onSessionEvents([stateEvent('course-session.cancelled', 4)]);
    await sessions.onSessionEvents([rescheduled(3)]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.sent.map((mail) => [mail.to.address, mail.subject])).toEqual([
      [ada.email, 'A session of Negoziazione has been cancelled'],
    ]);
    expect(await testbed.scheduledSessions.find(TEST_TENANT, SESSION_ID)).toMatchObject({
      cancelled: true,
      version: 4,
    });
  });

  it('given a learner who opted out of session changes, then its mail is cancelled, not sent', async () => {
    const { testbed, sessions, enrollments, settle } = await setUp();
    await enrollments.onEnrollmentEvents([enrollment(ada, 'enrolled', 1)]);
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: ada.userId,
      optedOut: ['course-session.rescheduled'],
    });
    await settle();

    await sessions.onSessionEvents([rescheduled(2)]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.sent).toEqual([]);
    expect(await testbed.deliveriesTo(ada.userId)).toContainEqual(
      expect.objectContaining({
        kind: 'course-session.rescheduled.learner',
        status: 'cancelled',
        lastError: expect.stringMatching(/^RECIPIENT.OPTED_OUT/),
      }),
    );
  });

  it('given enrollments of e-learning courses, then nobody attends a session and the enrollment mails go on as before', async () => {
    const { testbed, enrollments } = await setUp();
    const elearning = envelope('learning', EnrollmentsStream, 'enrollment.created', {
      aggregateId: randomUUID(),
      aggregateVersion: 1,
      payload: {
        enrollmentId: randomUUID(),
        courseId: 'course-2',
        courseTitle: 'Leadership',
        userId: ada.userId,
        sessionId: null,
        state: 'enrolled',
        previousState: null,
        updatedAt: '2026-03-02T09:00:00.000Z',
      },
    });

    await enrollments.onEnrollmentEvents([elearning]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(ada.email).map((mail) => mail.subject)).toEqual([
      'You are enrolled in Leadership',
    ]);
    expect(await testbed.sessionAttendances.attendeesOf(TEST_TENANT, [SESSION_ID])).toEqual(
      new Map([[SESSION_ID, []]]),
    );
  });
});
