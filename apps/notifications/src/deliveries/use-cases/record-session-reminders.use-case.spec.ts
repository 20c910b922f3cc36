import type { SessionChange } from '../../sessions/domain/scheduled-session';
import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';

const HOUR = 3_600_000;
const NOW = new Date('2027-01-14T09:00:00.000Z');

describe('reminders of sessions starting soon', () => {
  const ada = aUser('Ada', 'Lovelace');
  const bruno = aUser('Bruno', 'Rossi', 'it');

  async function setUp() {
    const testbed = buildNotificationsTestbed();
    testbed.clock.set(NOW);
    for (const user of [ada, bruno]) await testbed.userArrives(userCreated(user));
    await testbed.projectAttendance.execute([
      {
        tenantId: TEST_TENANT,
        enrollmentId: 'e-ada',
        sessionId: 'soon',
        userId: ada.userId,
        state: 'enrolled',
        unenrolled: false,
        version: 1,
      },
      {
        tenantId: TEST_TENANT,
        enrollmentId: 'e-bruno',
        sessionId: 'soon',
        userId: bruno.userId,
        state: 'in_progress',
        unenrolled: false,
        version: 1,
      },
      {
        tenantId: TEST_TENANT,
        enrollmentId: 'e-ada-2',
        sessionId: 'later',
        userId: ada.userId,
        state: 'enrolled',
        unenrolled: false,
        version: 1,
      },
    ]);
    return testbed;
  }

  function session(sessionId: string, startsInHours: number, version = 1): SessionChange {
    const startsAt = new Date(NOW.getTime() + startsInHours * HOUR);
    return {
      tenantId: TEST_TENANT,
      sessionId,
      courseId: 'course-1',
      courseTitle: 'Negoziazione',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * HOUR),
      place: 'Milano, sala 4',
      link: null,
      cancelled: false,
      version,
    };
  }

  it('given a session starting within a day, then each learner is reminded once, even when the job runs again or twice at once; one starting later is not yet', async () => {
    const testbed = await setUp();
    await testbed.scheduledSessions.applyMany([session('soon', 23), session('later', 25)]);

    const [first, concurrent] = await Promise.all([
      testbed.recordSessionReminders.execute(),
      testbed.recordSessionReminders.execute(),
    ]);
    const again = await testbed.recordSessionReminders.execute();
    await testbed.sendDue.execute();

    expect(first.reminders + concurrent.reminders).toBeGreaterThanOrEqual(2);
    expect(again).toEqual({ sessions: 0, reminders: 0, skipped: 0 });
    expect(testbed.mailer.to(ada.email).map((mail) => mail.subject)).toEqual([
      'Reminder: your session of Negoziazione is coming up',
    ]);
    expect(testbed.mailer.to(bruno.email).map((mail) => mail.subject)).toEqual([
      'Promemoria: la tua sessione del corso Negoziazione si avvicina',
    ]);
    expect(testbed.mailer.to(bruno.email)[0]?.text).toContain(
      'venerdì 15 gennaio 2027, 09:00–17:00 (Europe/Rome)',
    );
    expect(testbed.sender.wakes).toBeGreaterThan(0);

    testbed.clock.advance(2 * HOUR);
    await testbed.recordSessionReminders.execute();
    await testbed.sendDue.execute();
    expect(testbed.mailer.to(ada.email)).toHaveLength(2);
  });

  it('given a session reminded, when it moves to another time, then its learners are reminded again; a change keeping the time reminds nobody', async () => {
    const testbed = await setUp();
    await testbed.scheduledSessions.applyMany([session('soon', 5)]);
    await testbed.recordSessionReminders.execute();

    await testbed.scheduledSessions.applyMany([session('soon', 5, 2)]);
    expect(await testbed.recordSessionReminders.execute()).toEqual({ sessions: 0, reminders: 0, skipped: 0 });
    await testbed.scheduledSessions.applyMany([session('soon', 6, 3)]);
    expect(await testbed.recordSessionReminders.execute()).toEqual({ sessions: 1, reminders: 2, skipped: 0 });
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(ada.email)).toHaveLength(2);
  });

  it('given a session that has started or was cancelled, then nobody is reminded', async () => {
    const testbed = await setUp();
    await testbed.scheduledSessions.applyMany([
      session('soon', -1),
      { ...session('later', 3), cancelled: true },
    ]);

    expect(await testbed.recordSessionReminders.execute()).toEqual({ sessions: 0, reminders: 0, skipped: 1 });
    expect(await testbed.recordSessionReminders.execute()).toEqual({ sessions: 0, reminders: 0, skipped: 0 });
    await testbed.sendDue.execute();
    expect(testbed.mailer.sent).toEqual([]);
  });

  it('given a learner who opted out of reminders, then its reminder is cancelled, not sent', async () => {
    const testbed = await setUp();
    await testbed.replacePreferences.execute({
      tenantId: TEST_TENANT,
      userId: ada.userId,
      optedOut: ['course-session.reminder'],
    });
    await testbed.scheduledSessions.applyMany([session('soon', 5)]);

    await testbed.recordSessionReminders.execute();
    await testbed.sendDue.execute();

    expect(testbed.mailer.to(ada.email)).toEqual([]);
    expect(testbed.mailer.to(bruno.email)).toHaveLength(1);
  });
});
