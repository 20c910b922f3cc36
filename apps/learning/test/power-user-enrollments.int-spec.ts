import { randomUUID } from 'node:crypto';
import {
  GroupMembershipsStream,
  membershipAggregateId,
  PermissionProfilesStream,
  UsersStream,
} from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

const identity = new EventFactory('identity');

/**
 * A power user enrolls the members of its scope's groups once identity's events on Kafka say
 * its profile holds `enrollments.manage` (LE-E3, ID-U2), nobody else, and nobody once the
 * profile loses the right; against the real broker and database, through the HTTP routes,
 * every event delivered twice.
 */
describe('learning service: power users enroll within their scope, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-power-users-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const powerUser: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
  const [sales, support] = [randomUUID(), randomUUID()];
  const [ada, bob] = [randomUUID(), randomUUID()];
  const profileId = randomUUID();
  const learning = learningUnderTest(admin, 'learning-power-users-int-test');

  function call(method: 'POST', url: string, body: unknown, as: Principal): Promise<TestResponse> {
    return learning.request(method, url, body, { as });
  }

  const profile = (version: number, rights: Array<'enrollments.manage' | 'users.read'>) =>
    identity.create(PermissionProfilesStream, 'permission-profile.defined', {
      tenantId,
      aggregateId: profileId,
      aggregateVersion: version,
      payload: { profileId, name: 'enrolment-desk', rights },
    });
  const promoted = identity.create(UsersStream, 'user.updated', {
    tenantId,
    aggregateId: powerUser.userId as string,
    aggregateVersion: 2,
    payload: {
      userId: powerUser.userId as string,
      email: 'pia@example.com',
      firstName: 'Pia',
      lastName: 'Rossi',
      locale: 'it',
      timezone: 'Europe/Rome',
      level: 'power_user',
      adminRoles: [],
      customFields: {},
      state: 'active',
      expiresAt: null,
      powerUserScope: { groupIds: [sales] },
      permissionProfile: 'enrolment-desk',
    },
  });
  const member = (groupId: string, userId: string) =>
    identity.create(GroupMembershipsStream, 'membership.added', {
      tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: 1,
      payload: { groupId, userId, roles: ['learner'] },
    });

  async function publishedCourse(title: string): Promise<string> {
    const created = await call('POST', '/v1/courses', { title, kind: 'elearning' }, admin);
    const courseId = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${courseId}/publish`, undefined, admin)).status).toBe(200);
    return courseId;
  }

  it('given its scope and profile, then it enrolls Ada of its group and not Bob of another; once the profile loses the right, nobody', async () => {
    const courseId = await publishedCourse('Prospecting');
    const enroll = (userId: string, course = courseId) =>
      call('POST', '/v1/enrollments', { courseId: course, userId }, powerUser);
    expectProblem(await enroll(ada), 403, 'ENROLLMENT.FORBIDDEN');

    const grant = [profile(1, ['enrollments.manage']), promoted, member(sales, ada), member(support, bob)];
    // The service's consumer group may start at the newest offsets: the events are sent again
    // (redeliveries, harmless) until the power user is known.
    await eventually(
      async () => {
        await learning.send([...grant, ...grant]);
        await eventually(async () => expect((await enroll(ada)).status).toBe(201), { timeoutMs: 3_000 });
      },
      { timeoutMs: 60_000 },
    );
    expectProblem(await enroll(bob), 403, 'ENROLLMENT.FORBIDDEN');
    expectProblem(
      await call('POST', '/v1/group-enrollments', { groupId: support, courseId }, powerUser),
      403,
      'GROUP_ENROLLMENT.FORBIDDEN',
    );

    const other = await publishedCourse('Closing');
    await learning.send([profile(2, ['users.read']), profile(1, ['enrollments.manage'])]);
    await eventually(async () => expectProblem(await enroll(ada, other), 403, 'ENROLLMENT.FORBIDDEN'), {
      timeoutMs: 20_000,
    });
  });
});
