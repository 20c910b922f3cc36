import { randomUUID } from 'node:crypto';
import {
  CourseRolesStream,
  GroupMembershipsStream,
  membershipAggregateId,
  UsersStream,
  type CourseRoleChangeV1,
  type EventEnvelope,
} from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface CourseBody {
  id: string;
  title: string;
  version: number;
}

interface RolesBody {
  courseId: string;
  authorId: string | null;
  roles: Array<{ userId: string; role: string }>;
  editorIds: string[];
  version: number;
}

interface PageBody<T> {
  items: T[];
}

/**
 * Course roles (LE-C2) against the real broker and database, through the HTTP routes: the
 * rules of each role, their events on Kafka, the co-author's group role from identity's
 * membership events, what an instructor does with enrollments, the authorship handed on, and
 * a deleted author's courses kept.
 */
describe('learning service: course roles over HTTP, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-roles-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const author: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
  const user = (): Principal => ({ tenantId, userId: randomUUID(), level: 'user', roles: [] });
  const identity = new EventFactory('identity');

  const learning = learningUnderTest(admin, 'learning-roles-int-test', { record: [CourseRolesStream] });

  function call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    body?: unknown,
    as: Principal = author,
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as });
  }

  async function createCourse(title: string, publish: boolean): Promise<CourseBody> {
    const created = await call('POST', '/v1/courses', { title, kind: 'elearning' });
    expect(created.status).toBe(201);
    const course = created.body as CourseBody;
    if (publish) expect((await call('POST', `/v1/courses/${course.id}/publish`)).status).toBe(200);
    return course;
  }

  /** The role events of a course on Kafka, as the notifications consumer reads them. */
  function roleEventsOf(courseId: string): Array<{ type: string; payload: CourseRoleChangeV1 }> {
    return learning
      .envelopes(CourseRolesStream.topic)
      .filter((e: EventEnvelope) => e.aggregateId === courseId)
      .map((e) => ({ type: e.type, payload: e.payload as CourseRoleChangeV1 }));
  }

  it('given a draft, then a reviewer is refused; once published, the reviewer is granted and `course-role.granted` reaches Kafka with the title, once', async () => {
    const reviewer = user();
    const course = await createCourse('Negotiation basics', false);

    expectProblem(
      await call('PUT', `/v1/courses/${course.id}/roles/${reviewer.userId}`, { role: 'reviewer' }),
      409,
      'COURSE_ROLE.REVIEWER_NEEDS_PUBLISHED',
    );
    expect((await call('POST', `/v1/courses/${course.id}/publish`)).status).toBe(200);
    const granted = await call('PUT', `/v1/courses/${course.id}/roles/${reviewer.userId}`, {
      role: 'reviewer',
    });
    const again = await call('PUT', `/v1/courses/${course.id}/roles/${reviewer.userId}`, {
      role: 'reviewer',
    });

    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      courseId: course.id,
      authorId: author.userId,
      roles: [{ userId: reviewer.userId, role: 'reviewer' }],
      editorIds: [author.userId],
    });
    expect(again.body).toEqual(granted.body);
    await eventually(() =>
      expect(roleEventsOf(course.id)).toEqual([
        {
          type: 'course-role.granted',
          payload: expect.objectContaining({
            courseId: course.id,
            courseTitle: 'Negotiation basics',
            userId: reviewer.userId,
            role: 'reviewer',
          }),
        },
      ]),
    );
    // The reviewer reads the course; a learner neither reads its roles nor grants any.
    expect((await call('GET', `/v1/courses/${course.id}`, undefined, reviewer)).status).toBe(200);
    expectProblem(
      await call('GET', `/v1/courses/${course.id}/roles`, undefined, reviewer),
      403,
      'COURSE_ROLE.FORBIDDEN',
    );
    expectProblem(
      await call('PUT', `/v1/courses/${course.id}/roles/${reviewer.userId}`, { role: 'author' }),
      422,
      'COURSE_ROLE.AUTHOR_NOT_GRANTABLE',
    );
    expect((await call('DELETE', `/v1/courses/${course.id}/roles/${reviewer.userId}/reviewer`)).status).toBe(
      204,
    );
    await eventually(() =>
      expect(roleEventsOf(course.id).map((e) => e.type)).toEqual([
        'course-role.granted',
        'course-role.revoked',
      ]),
    );
  });

  it('given a user without the author role in any group, then it is refused as co-author; once identity adds it to a group as author, it is granted', async () => {
    const candidate = user();
    const groupId = randomUUID();
    const course = await createCourse('Co-authored course', false);
    const url = `/v1/courses/${course.id}/roles/${candidate.userId}`;

    expectProblem(
      await call('PUT', url, { role: 'co_author' }),
      422,
      'COURSE_ROLE.CO_AUTHOR_NEEDS_AUTHOR_ROLE',
    );
    // The service's consumer group may start at the newest offsets: send the membership (a
    // newer version each time) until the grant is accepted.
    let version = 0;
    await eventually(
      async () => {
        version++;
        await learning.send([
          identity.create(GroupMembershipsStream, 'membership.added', {
            tenantId,
            aggregateId: membershipAggregateId(groupId, candidate.userId as string),
            aggregateVersion: version,
            payload: { groupId, userId: candidate.userId as string, roles: ['author'] },
          }),
        ]);
        await eventually(
          async () => expect((await call('PUT', url, { role: 'co_author' })).status).toBe(200),
          {
            timeoutMs: 3_000,
          },
        );
      },
      { timeoutMs: 60_000 },
    );
    const roles = (await call('GET', `/v1/courses/${course.id}/roles`, undefined, candidate))
      .body as RolesBody;
    expect(roles.roles).toEqual([{ userId: candidate.userId, role: 'co_author' }]);
    // A co-author edits the course.
    const edited = await call(
      'PATCH',
      `/v1/courses/${course.id}`,
      { title: 'Edited by the co-author' },
      candidate,
    );
    expect(edited.status).toBe(200);
  });

  it("given an instructor, then it sees its course's enrollments but cannot enroll anyone", async () => {
    const instructor: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
    const learner = user();
    const course = await createCourse('Taught course', true);
    expect(
      (await call('PUT', `/v1/courses/${course.id}/roles/${instructor.userId}`, { role: 'instructor' }))
        .status,
    ).toBe(200);
    expect(
      (await call('POST', '/v1/enrollments', { courseId: course.id, userId: learner.userId }, admin)).status,
    ).toBe(201);

    const listed = await call('GET', `/v1/enrollments?courseId=${course.id}`, undefined, instructor);
    expect((listed.body as PageBody<{ userId: string }>).items.map((e) => e.userId)).toEqual([
      learner.userId,
    ]);
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: course.id, userId: user().userId }, instructor),
      403,
      'ENROLLMENT.FORBIDDEN',
    );
  });

  it('given the author hands the course on, then the new author holds it, the previous keeps nothing, and both events reach Kafka', async () => {
    const next = user();
    const course = await createCourse('Handed-on course', true);

    const moved = await call('POST', `/v1/courses/${course.id}/author`, { userId: next.userId });

    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ authorId: next.userId, roles: [], editorIds: [next.userId] });
    expectProblem(
      await call(
        'PATCH',
        `/v1/courses/${course.id}`,
        { title: 'Not mine any more' },
        { ...author, level: 'user' },
      ),
      403,
      'COURSE.FORBIDDEN',
    );
    await eventually(() =>
      expect(roleEventsOf(course.id).map((e) => [e.type, e.payload.userId, e.payload.role])).toEqual([
        ['course-role.revoked', author.userId, 'author'],
        ['course-role.granted', next.userId, 'author'],
      ]),
    );
  });

  it("given the author's account deleted in identity, then the course stays, without an author, and the author's role is revoked on Kafka", async () => {
    const doomed: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
    const created = await call(
      'POST',
      '/v1/courses',
      { title: 'Orphaned course', kind: 'elearning' },
      doomed,
    );
    const course = created.body as CourseBody;

    let version = 0;
    await eventually(
      async () => {
        version++;
        await learning.send([
          identity.create(UsersStream, 'user.deleted', {
            tenantId,
            aggregateId: doomed.userId as string,
            aggregateVersion: version,
            payload: { userId: doomed.userId as string },
          }),
        ]);
        await eventually(
          async () =>
            expect((await call('GET', `/v1/courses/${course.id}`, undefined, admin)).body).toMatchObject({
              authorId: null,
            }),
          { timeoutMs: 3_000 },
        );
      },
      { timeoutMs: 60_000 },
    );
    await eventually(() =>
      expect(roleEventsOf(course.id).map((e) => [e.type, e.payload.userId, e.payload.role])).toEqual([
        ['course-role.revoked', doomed.userId, 'author'],
      ]),
    );
  });
});
