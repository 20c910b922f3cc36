import { randomUUID } from 'node:crypto';
import {
  EnrollmentsStream,
  GroupMembershipsStream,
  membershipAggregateId,
  type EnrollmentStateV1,
  type EventEnvelope,
} from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface GroupEnrollmentBody {
  id: string;
  status: string;
  membersRead: number;
  counts: { enrolled: number; kept: number; notEnrolled: number };
  joined: { enrolled: number; kept: number; notEnrolled: number };
}

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

const MATERIAL = [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/welcome.mp4' }];
const identity = new EventFactory('identity');

/**
 * Group enrollments (LE-G1) against the real broker and database: identity's membership events
 * on Kafka feed the members, a course assigned to the group enrolls its current members through
 * a job and its future ones as they join, each once even when every event is delivered again; a
 * member who leaves is reported and keeps its enrollment.
 */
describe('learning service: group enrollments, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-groups-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const groupId = randomUUID();
  const members = Array.from({ length: 25 }, () => randomUUID());

  const learning = learningUnderTest(admin, 'learning-groups-int-test', { record: [EnrollmentsStream] });

  function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    as: Principal = admin,
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as });
  }

  async function publishedCourse(title: string): Promise<string> {
    const created = await call('POST', '/v1/courses', { title, kind: 'elearning', material: MATERIAL });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${id}/publish`)).status).toBe(200);
    return id;
  }

  function membershipEvent(userId: string, version: number, removed = false): EventEnvelope {
    const aggregate = {
      tenantId,
      aggregateId: membershipAggregateId(groupId, userId),
      aggregateVersion: version,
    };
    return removed
      ? identity.create(GroupMembershipsStream, 'membership.removed', {
          ...aggregate,
          payload: { groupId, userId },
        }).envelope
      : identity.create(GroupMembershipsStream, 'membership.added', {
          ...aggregate,
          payload: { groupId, userId, roles: ['learner'] },
        }).envelope;
  }

  async function send(envelopes: readonly EventEnvelope[]): Promise<void> {
    await learning.send(
      envelopes.map((envelope) => ({
        eventId: envelope.eventId,
        topic: GroupMembershipsStream.topic,
        key: GroupMembershipsStream.key(envelope),
        envelope,
      })),
    );
  }

  /** The learners of the course whose `enrollment.created` reached Kafka, once each or not. */
  function enrolledOnKafka(courseId: string): string[] {
    return learning
      .envelopes(EnrollmentsStream.topic)
      .filter(
        (e) => e.type === 'enrollment.created' && (e.payload as EnrollmentStateV1).courseId === courseId,
      )
      .map((e) => (e.payload as EnrollmentStateV1).userId)
      .sort();
  }

  async function groupEnrollment(id: string): Promise<GroupEnrollmentBody> {
    return (await call('GET', `/v1/group-enrollments/${id}`)).body as GroupEnrollmentBody;
  }

  it('given a course assigned to a group before its members arrive on Kafka, then each member is enrolled as it joins, once, even when every event is delivered again', async () => {
    const course = await publishedCourse('Welcome to sales');
    const started = await call('POST', '/v1/group-enrollments', { groupId, courseId: course });
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`group-enrollments/${(started.body as GroupEnrollmentBody).id}`);
    const id = (started.body as GroupEnrollmentBody).id;
    await eventually(async () => expect((await groupEnrollment(id)).status).toBe('following'), {
      timeoutMs: 30_000,
    });

    // The service's consumer group may start at the newest offsets: the same events are sent
    // until every member is enrolled, which is also a redelivery.
    const joins = members.map((userId) => membershipEvent(userId, 1));
    await eventually(
      async () => {
        await send(joins);
        await eventually(async () => expect(enrolledOnKafka(course)).toHaveLength(members.length), {
          timeoutMs: 5_000,
        });
      },
      { timeoutMs: 60_000 },
    );
    await send(joins);
    await send(joins);

    await eventually(async () => expect((await groupEnrollment(id)).joined.enrolled).toBe(members.length), {
      timeoutMs: 10_000,
    });
    expect(enrolledOnKafka(course)).toEqual([...members].sort());
    const listed = (await call('GET', `/v1/enrollments?courseId=${course}&limit=100`)).body as PageBody<{
      userId: string;
    }>;
    expect(listed.items.map((e) => e.userId).sort()).toEqual([...members].sort());
  });

  it("given the group's members known, when a second course is assigned, then a job enrolls every one of them once; one who leaves is reported and keeps its enrollment", async () => {
    const course = await publishedCourse('Negotiation');
    const started = await call('POST', '/v1/group-enrollments', {
      groupId,
      courseId: course,
      roles: ['learner'],
    });
    const id = (started.body as GroupEnrollmentBody).id;

    await eventually(async () => expect((await groupEnrollment(id)).status).toBe('following'), {
      timeoutMs: 30_000,
    });
    expect(await groupEnrollment(id)).toMatchObject({
      membersRead: members.length,
      counts: { enrolled: members.length, kept: 0, notEnrolled: 0 },
    });
    await eventually(async () => expect(enrolledOnKafka(course)).toEqual([...members].sort()), {
      timeoutMs: 10_000,
    });

    const leaver = members[0] as string;
    await send([membershipEvent(leaver, 2, true)]);
    await eventually(
      async () => {
        const departures = (await call('GET', `/v1/group-enrollments/${id}/departures`)).body as PageBody<{
          userId: string;
        }>;
        expect(departures.items.map((d) => d.userId)).toEqual([leaver]);
      },
      { timeoutMs: 20_000 },
    );
    const kept = (await call('GET', `/v1/enrollments?courseId=${course}&userId=${leaver}`))
      .body as PageBody<unknown>;
    expect(kept.items).toHaveLength(1);
    expectProblem(
      await call('POST', '/v1/group-enrollments', { groupId, courseId: course }),
      409,
      'GROUP_ENROLLMENT.ALREADY_EXISTS',
    );

    const ended = await call('DELETE', `/v1/group-enrollments/${id}`);
    expect(ended.status).toBe(200);
    expect((ended.body as GroupEnrollmentBody).status).toBe('ended');
  });

  it('given a bad target, a learner or another tenant, then each is refused as problem+json', async () => {
    const course = await publishedCourse('Refusals');
    expectProblem(
      await call('POST', '/v1/group-enrollments', { groupId, courseId: course, planId: randomUUID() }),
      422,
      'GROUP_ENROLLMENT.TARGET_INVALID',
    );
    const learner: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };
    expectProblem(
      await call('POST', '/v1/group-enrollments', { groupId, courseId: course }, learner),
      403,
      'GROUP_ENROLLMENT.FORBIDDEN',
    );
    const started = await call('POST', '/v1/group-enrollments', { groupId, courseId: course });
    const other: Principal = { ...admin, tenantId: `${tenantId}-other` };
    expectProblem(
      await call(
        'GET',
        `/v1/group-enrollments/${(started.body as GroupEnrollmentBody).id}`,
        undefined,
        other,
      ),
      404,
      'GROUP_ENROLLMENT.NOT_FOUND',
    );
  });
});
