import { randomUUID } from 'node:crypto';
import type { EnrollmentState } from '@lms/contracts';
import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';
import type { EnrollmentEventCommand } from './handle-enrollment-events.use-case';

describe('mails about enrollments', () => {
  const learner = aUser('Bruno', 'Rossi', 'it');

  function enrollmentEvent(
    enrollmentId: string,
    version: number,
    state: EnrollmentState,
    previousState: EnrollmentState | null = null,
  ): EnrollmentEventCommand {
    return {
      eventId: randomUUID(),
      tenantId: TEST_TENANT,
      type: previousState === null ? 'enrollment.created' : 'enrollment.state-changed',
      version,
      enrollment: {
        enrollmentId,
        courseId: 'course-1',
        courseTitle: 'Negoziazione',
        userId: learner.userId,
        sessionId: null,
        state,
        previousState,
      },
    };
  }

  it('given an enrollment delivered twice, then the learner gets one mail, in its language, about the course', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(learner));
    const enrolled = enrollmentEvent(randomUUID(), 1, 'enrolled');

    await testbed.recordEnrollmentMails.execute([enrolled]);
    await testbed.recordEnrollmentMails.execute([enrolled]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(learner.email).map((mail) => mail.subject)).toEqual([
      'Sei iscritto al corso Negoziazione',
    ]);
    expect(testbed.mailer.to(learner.email)[0]?.text).toContain(
      'https://app.example.test/learning/courses/course-1',
    );
  });

  it('given a waiting enrollment later confirmed, then the learner is told both, in order, once each', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(learner));
    const enrollmentId = randomUUID();

    await testbed.recordEnrollmentMails.execute([enrollmentEvent(enrollmentId, 1, 'waiting')]);
    await testbed.sendDue.execute();
    await testbed.recordEnrollmentMails.execute([enrollmentEvent(enrollmentId, 2, 'enrolled', 'waiting')]);
    await testbed.recordEnrollmentMails.execute([
      enrollmentEvent(enrollmentId, 3, 'in_progress', 'enrolled'),
    ]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(learner.email).map((mail) => mail.subject)).toEqual([
      'La tua iscrizione al corso Negoziazione è in attesa di conferma',
      'La tua iscrizione al corso Negoziazione è confermata',
    ]);
  });

  it('given the event of an enrollment replayed after a newer one, then it mails nothing', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(learner));
    const enrollmentId = randomUUID();
    const created = enrollmentEvent(enrollmentId, 1, 'waiting');
    await testbed.recordEnrollmentMails.execute([enrollmentEvent(enrollmentId, 2, 'suspended', 'waiting')]);

    // The creation, dead-lettered at first, replayed after the enrollment was suspended.
    expect(await testbed.recordEnrollmentMails.execute([created])).toEqual([]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(learner.email)).toEqual([]);
  });

  it('given a learner who opted out of enrollment mails, then the mail is cancelled', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(learner));
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: learner.userId,
      optedOut: ['enrollment.created'],
    });

    await testbed.recordEnrollmentMails.execute([enrollmentEvent(randomUUID(), 1, 'enrolled')]);
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(learner.email)).toEqual([]);
    expect((await testbed.deliveriesTo(learner.userId))[0]).toMatchObject({ status: 'cancelled' });
  });
});
