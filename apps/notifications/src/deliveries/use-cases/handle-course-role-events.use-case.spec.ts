import { randomUUID } from 'node:crypto';
import type { CourseRole } from '@lms/contracts';
import { planCourseRoleDeliveries } from '../domain/course-role-deliveries';
import {
  aUser,
  buildNotificationsTestbed,
  TEST_TENANT,
  userCreated,
} from '../../testing/notifications-testbed';
import type { CourseRoleEventCommand } from './handle-course-role-events.use-case';

describe('mails about roles in courses', () => {
  const reviewer = aUser('Renata', 'Rossi', 'it');
  const courseId = randomUUID();

  function granted(role: CourseRole, version = 3): CourseRoleEventCommand {
    return {
      eventId: randomUUID(),
      tenantId: TEST_TENANT,
      type: 'course-role.granted',
      version,
      grant: { courseId, courseTitle: 'Negoziazione', userId: reviewer.userId, role },
    };
  }

  it('mails a reviewer, and nobody given another role', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');

    expect(planCourseRoleDeliveries(granted('reviewer'), now).map((d) => [d.recipientId, d.kind])).toEqual([
      [reviewer.userId, 'course.reviewer-assigned'],
    ]);
    for (const role of ['author', 'co_author', 'instructor', 'tutor'] as const)
      expect(planCourseRoleDeliveries(granted(role), now)).toEqual([]);
  });

  it('given a reviewer assigned and the event delivered twice, then one mail in its language, linking to the course', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(reviewer));
    const event = granted('reviewer');

    await testbed.recordCourseRoleMails.execute([event]);
    await testbed.recordCourseRoleMails.execute([event]);
    await testbed.sendDue.execute();

    const [mail, ...more] = testbed.mailer.to(reviewer.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Sei revisore del corso Negoziazione');
    expect(mail?.text).toContain(`https://app.example.test/learning/courses/${courseId}`);
  });

  it('given a grant older than the newest event handled for the course, then it mails nothing', async () => {
    const testbed = buildNotificationsTestbed();
    await testbed.userArrives(userCreated(reviewer));
    await testbed.recordCourseRoleMails.execute([granted('instructor', 5)]);

    expect(await testbed.recordCourseRoleMails.execute([granted('reviewer', 4)])).toEqual([]);
  });
});
