import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import {
  CourseSessionsStream,
  CoursesStream,
  GroupMembershipsStream,
  membershipAggregateId,
  type EventEnvelope,
} from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface CourseBody {
  id: string;
  title: string;
  kind: string;
  state: string;
  groupIds: string[];
  authorId: string | null;
  version: number;
}

interface PageBody<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

/**
 * The learning service against the real broker and database, through its HTTP routes (LE-C1):
 * courses created, published, edited and archived with their events on Kafka, sessions of an
 * instructor-led course, the catalog fed by identity's membership events, and the refusals as
 * problem+json.
 */
describe('learning service: courses over HTTP, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const powerUser: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
  const learner: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };
  const otherAdmin: Principal = { ...admin, tenantId: `${tenantId}-other` };

  const learning = learningUnderTest(admin, 'learning-int-test', {
    record: [CoursesStream, CourseSessionsStream],
  });

  function call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options: { as?: Principal; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as: options.as ?? admin, headers: options.headers });
  }

  async function createCourse(body: Record<string, unknown>, as: Principal = powerUser): Promise<CourseBody> {
    const response = await call('POST', '/v1/courses', body, { as });
    expect(response.status).toBe(201);
    return response.body as CourseBody;
  }

  /** The events of a course on the courses topic, as a consumer reads them. */
  function eventsOf(courseId: string): EventEnvelope[] {
    return learning.envelopes(CoursesStream.topic).filter((e) => e.aggregateId === courseId);
  }

  it('starts and reports itself ready, database and consumers included', async () => {
    const ready = await call('GET', '/health/ready');

    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { mongodb: 'up', 'kafka-consumer': 'up' } });
  });

  it('given a course created, published, edited and archived, then each change after the draft is on Kafka, in order, and a stale If-Match changes nothing', async () => {
    const key = `create-${uniqueSuffix()}`;
    const body = { title: 'Negotiation basics', kind: 'elearning', overbookingAllowed: true };
    const created = await call('POST', '/v1/courses', body, {
      as: powerUser,
      headers: { 'idempotency-key': key },
    });
    const replayed = await call('POST', '/v1/courses', body, {
      as: powerUser,
      headers: { 'idempotency-key': key },
    });
    const course = created.body as CourseBody;

    expect(created.status).toBe(201);
    expect(course).toMatchObject({ state: 'draft', authorId: powerUser.userId, version: 1, groupIds: [] });
    expect(created.headers.etag).toBe('"1"');
    expect(replayed.body).toEqual(created.body);

    const read = await call('GET', `/v1/courses/${course.id}`);
    expect(read.headers.etag).toBe('"1"');
    const published = await call('POST', `/v1/courses/${course.id}/publish`, undefined, {
      as: powerUser,
      headers: { 'if-match': '"1"' },
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', version: 2 });

    const stale = await call(
      'PATCH',
      `/v1/courses/${course.id}`,
      { title: 'Too late' },
      { headers: { 'if-match': '"1"' } },
    );
    expectProblem(stale, 412, 'REQUEST.STALE_VERSION');
    const edited = await call(
      'PATCH',
      `/v1/courses/${course.id}`,
      {
        title: 'Negotiation, the basics',
        material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/welcome.mp4' }],
      },
      { headers: { 'if-match': '"2"' } },
    );
    expect(edited.status).toBe(200);
    expect(edited.headers.etag).toBe('"3"');

    const archived = await call('POST', `/v1/courses/${course.id}/archive`);
    expect(archived.body).toMatchObject({ state: 'archived', version: 4 });

    await eventually(() => expect(eventsOf(course.id)).toHaveLength(3), { timeoutMs: 30_000 });
    expect(
      eventsOf(course.id).map((e) => [e.type, e.aggregateVersion, (e.payload as { title: string }).title]),
    ).toEqual([
      ['course.published', 2, 'Negotiation basics'],
      ['course.updated', 3, 'Negotiation, the basics'],
      ['course.archived', 4, 'Negotiation, the basics'],
    ]);
    expect(eventsOf(course.id)[0]).toMatchObject({
      tenantId,
      producer: 'learning',
      payload: { courseId: course.id, kind: 'elearning', state: 'published' },
    });
    // Published, the outbox is emptied.
    const connection = learning.app().get<Connection>(MONGO_CONNECTION);
    await eventually(async () =>
      expect((await connection.collection('courses').findOne({ _id: course.id as never }))?.outbox).toEqual(
        [],
      ),
    );
  });

  it('given illegal moves and deletions, then each is refused with its code as problem+json', async () => {
    const draft = await createCourse({ title: 'Draft to delete', kind: 'elearning' });
    const live = await createCourse({ title: 'Live', kind: 'elearning' });
    await call('POST', `/v1/courses/${live.id}/publish`);

    expectProblem(
      await call('POST', `/v1/courses/${draft.id}/archive`),
      409,
      'COURSE.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(await call('POST', `/v1/courses/${live.id}/publish`), 409, 'COURSE.TRANSITION_NOT_ALLOWED');
    expectProblem(await call('DELETE', `/v1/courses/${live.id}`), 409, 'COURSE.NOT_DRAFT');
    expectProblem(
      await call('POST', '/v1/courses', { title: 'Workshop', kind: 'ilt', overbookingAllowed: true }),
      422,
      'COURSE.OVERBOOKING_NOT_ALLOWED',
    );
    expectProblem(
      await call('POST', '/v1/courses', { title: 'x', kind: 'webinar' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await call('PATCH', `/v1/courses/${draft.id}`, { title: null }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await call('PATCH', `/v1/courses/${draft.id}`, {
        material: [{ title: 'x', kind: 'video', url: 'ftp://x' }],
      }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await call('DELETE', `/v1/courses/${draft.id}`, undefined, { headers: { 'if-match': '"9"' } }),
      412,
      'REQUEST.STALE_VERSION',
    );

    expect(
      (await call('DELETE', `/v1/courses/${draft.id}`, undefined, { headers: { 'if-match': '"1"' } })).status,
    ).toBe(204);
    expectProblem(await call('GET', `/v1/courses/${draft.id}`), 404, 'COURSE.NOT_FOUND');
    expect(eventsOf(draft.id)).toEqual([]);
  });

  it('given a learner, another tenant and a course of the power user, then each gets only what the rules allow', async () => {
    const course = await createCourse({ title: 'Power user course', kind: 'elearning' });

    expectProblem(
      await call('POST', '/v1/courses', { title: 'Mine', kind: 'ilt' }, { as: learner }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await call('PATCH', `/v1/courses/${course.id}`, { title: 'x' }, { as: learner }),
      403,
      'COURSE.FORBIDDEN',
    );
    expectProblem(
      await call('GET', `/v1/courses/${course.id}`, undefined, { as: learner }),
      403,
      'COURSE.FORBIDDEN',
    );
    expectProblem(
      await call('GET', `/v1/courses/${course.id}`, undefined, { as: otherAdmin }),
      404,
      'COURSE.NOT_FOUND',
    );
    expectProblem(
      await call('POST', `/v1/courses/${course.id}/publish`, undefined, { as: otherAdmin }),
      404,
      'COURSE.NOT_FOUND',
    );
    expect((await call('GET', '/v1/courses', undefined, { as: learner })).body).toEqual({
      items: [],
      limit: 50,
      nextCursor: null,
    });
    const ownList = (await call('GET', '/v1/courses?state=draft', undefined, { as: powerUser }))
      .body as PageBody<CourseBody>;
    expect(ownList.items.map((c) => c.id)).toContain(course.id);
  });

  it('given an instructor-led course, then its sessions are scheduled, listed, rescheduled and cancelled; an e-learning course takes none', async () => {
    const workshop = await createCourse({
      title: 'Negotiation workshop',
      kind: 'ilt',
      enrollmentPolicy: 'approval',
    });
    const elearning = await createCourse({ title: 'Self-paced', kind: 'elearning' });
    const sessions = `/v1/courses/${workshop.id}/sessions`;

    const created = await call('POST', sessions, {
      startsAt: '2027-01-15T09:00:00Z',
      endsAt: '2027-01-15T17:00:00Z',
      place: 'Milan office, room 4',
      capacity: 12,
    });
    expect(created.status).toBe(201);
    const session = created.body as { id: string; version: number };
    expect(created.body).toMatchObject({
      courseId: workshop.id,
      startsAt: '2027-01-15T09:00:00.000Z',
      place: 'Milan office, room 4',
      link: null,
      capacity: 12,
      version: 1,
    });
    expect(((await call('GET', sessions)).body as PageBody<{ id: string }>).items.map((s) => s.id)).toEqual([
      session.id,
    ]);
    const moved = await call(
      'PATCH',
      `${sessions}/${session.id}`,
      { link: 'https://meet.example.com/n', capacity: 20 },
      { headers: { 'if-match': '"1"' } },
    );
    expect(moved.body).toMatchObject({ link: 'https://meet.example.com/n', capacity: 20, version: 2 });
    expectProblem(
      await call('PATCH', `${sessions}/${session.id}`, { capacity: 5 }, { headers: { 'if-match': '"1"' } }),
      412,
      'REQUEST.STALE_VERSION',
    );

    expectProblem(
      await call('POST', sessions, {
        startsAt: '2027-01-15T17:00:00Z',
        endsAt: '2027-01-15T09:00:00Z',
        place: 'Here',
        capacity: 1,
      }),
      422,
      'SESSION.INVALID',
    );
    expectProblem(
      await call('POST', sessions, {
        startsAt: '2027-01-15T09:00:00Z',
        endsAt: '2027-01-15T17:00:00Z',
        capacity: 1,
      }),
      422,
      'SESSION.INVALID',
    );
    expectProblem(
      await call('POST', `/v1/courses/${elearning.id}/sessions`, {
        startsAt: '2027-01-15T09:00:00Z',
        endsAt: '2027-01-15T17:00:00Z',
        place: 'Here',
        capacity: 1,
      }),
      422,
      'SESSION.COURSE_NOT_ILT',
    );
    expect((await call('DELETE', `${sessions}/${session.id}`)).status).toBe(204);
    expectProblem(await call('DELETE', `${sessions}/${session.id}`), 404, 'SESSION.NOT_FOUND');
    // Each change is on the sessions topic, in order, with the session's full state.
    const published = await eventually(() => {
      const found = learning
        .envelopes(CourseSessionsStream.topic)
        .filter((e) => e.aggregateId === session.id);
      expect(found.map((e) => [e.type, e.aggregateVersion])).toEqual([
        ['course-session.scheduled', 1],
        ['course-session.rescheduled', 2],
        ['course-session.cancelled', 3],
      ]);
      return found;
    });
    expect(published[1]?.payload).toMatchObject({
      courseTitle: 'Negotiation workshop',
      link: 'https://meet.example.com/n',
      previousLink: null,
      capacity: 20,
    });
  });

  it("given identity's membership events on Kafka, then a learner's catalog shows the courses of its groups and those for everyone", async () => {
    const [sales, support] = [randomUUID(), randomUUID()];
    const forEveryone = await createCourse({ title: 'For everyone', kind: 'elearning' });
    const forSales = await createCourse({ title: 'For sales', kind: 'ilt', groupIds: [sales] });
    const forSupport = await createCourse({ title: 'For support', kind: 'elearning', groupIds: [support] });
    for (const course of [forEveryone, forSales, forSupport])
      await call('POST', `/v1/courses/${course.id}/publish`);
    const ours = [forEveryone.id, forSales.id, forSupport.id];
    /** Which of this test's courses the catalog of `as` shows (earlier tests published others). */
    const catalogOf = async (as: Principal) =>
      ((await call('GET', '/v1/catalog?limit=200', undefined, { as })).body as PageBody<CourseBody>).items
        .map((c) => c.id)
        .filter((id) => ours.includes(id));

    expect(await catalogOf(learner)).toEqual([forEveryone.id]);
    expectProblem(
      await call('GET', `/v1/courses/${forSales.id}`, undefined, { as: learner }),
      403,
      'COURSE.FORBIDDEN',
    );

    // The service's new consumer group starts at the newest offsets once it has fetched: send
    // the membership (a newer version each time) until it shows in the catalog.
    const identity = new EventFactory('identity');
    let version = 0;
    await eventually(
      async () => {
        version++;
        await learning.send([
          identity.create(GroupMembershipsStream, 'membership.added', {
            tenantId,
            aggregateId: membershipAggregateId(sales, learner.userId as string),
            aggregateVersion: version,
            payload: { groupId: sales, userId: learner.userId as string, roles: ['learner'] },
          }),
        ]);
        await eventually(
          async () => expect(await catalogOf(learner)).toEqual([forEveryone.id, forSales.id]),
          {
            timeoutMs: 3_000,
          },
        );
      },
      { timeoutMs: 60_000 },
    );
    expect((await call('GET', `/v1/courses/${forSales.id}`, undefined, { as: learner })).status).toBe(200);
    expect(await catalogOf(admin)).toEqual(ours);
  });
});
