import { randomUUID } from 'node:crypto';
import { CourseProgressStream, EnrollmentsStream, type EventEnvelope } from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface EnrollmentBody {
  id: string;
  courseId: string;
  userId: string;
  sessionId: string | null;
  state: string;
  completedMaterial: number[];
  version: number;
}

interface PageBody<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

const MATERIAL = [
  { title: 'Welcome', kind: 'video', url: 'https://media.example.com/welcome.mp4' },
  { title: 'Slides', kind: 'slides', url: 'https://media.example.com/slides.pdf' },
];

/**
 * Enrollments (LE-E1..LE-E4) against the real broker and database, through the HTTP routes:
 * enrolling, progress to completion with the events read from Kafka, approval, a full session's
 * waiting learners, many learners enrolling at once in one session, and the refusals as
 * problem+json.
 */
describe('learning service: enrollments over HTTP, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-enrollments-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const powerUser: Principal = { tenantId, userId: randomUUID(), level: 'power_user', roles: [] };
  const otherAdmin: Principal = { ...admin, tenantId: `${tenantId}-other` };
  const aLearner = (): Principal => ({ tenantId, userId: randomUUID(), level: 'user', roles: [] });

  const learning = learningUnderTest(admin, 'learning-enrollments-it', {
    record: [EnrollmentsStream, CourseProgressStream],
  });

  function call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options: { as?: Principal; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as: options.as ?? admin, headers: options.headers });
  }

  /** A published course. */
  async function publishedCourse(body: Record<string, unknown>): Promise<string> {
    const created = await call('POST', '/v1/courses', body, { as: powerUser });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${id}/publish`)).status).toBe(200);
    return id;
  }

  /** A published instructor-led course with one session of `capacity`. */
  async function sessionOf(capacity: number, body: Record<string, unknown> = {}) {
    const courseId = await publishedCourse({ title: 'Workshop', kind: 'ilt', ...body });
    const session = await call('POST', `/v1/courses/${courseId}/sessions`, {
      startsAt: '2027-01-15T09:00:00Z',
      endsAt: '2027-01-15T17:00:00Z',
      place: 'Milan office',
      capacity,
    });
    expect(session.status).toBe(201);
    return { courseId, sessionId: (session.body as { id: string }).id };
  }

  async function enroll(body: Record<string, unknown>, as: Principal = admin): Promise<EnrollmentBody> {
    const response = await call('POST', '/v1/enrollments', body, { as });
    expect(response.status).toBe(201);
    return response.body as EnrollmentBody;
  }

  async function stateOf(id: string): Promise<string> {
    return ((await call('GET', `/v1/enrollments/${id}`)).body as EnrollmentBody).state;
  }

  function eventsOf(enrollmentId: string): EventEnvelope[] {
    return learning.envelopes(EnrollmentsStream.topic).filter((e) => e.aggregateId === enrollmentId);
  }

  it('given a learner enrolling itself in an e-learning course, when it opens it and completes its material, then it is completed and every change is on Kafka, its first access too', async () => {
    const learner = aLearner();
    const courseId = await publishedCourse({
      title: 'Negotiation basics',
      kind: 'elearning',
      material: MATERIAL,
    });
    const key = `enroll-${uniqueSuffix()}`;
    const body = { courseId, userId: learner.userId };

    const created = await call('POST', '/v1/enrollments', body, {
      as: learner,
      headers: { 'idempotency-key': key },
    });
    const replayed = await call('POST', '/v1/enrollments', body, {
      as: learner,
      headers: { 'idempotency-key': key },
    });
    const enrollment = created.body as EnrollmentBody;
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(enrollment).toMatchObject({
      courseId,
      userId: learner.userId,
      state: 'enrolled',
      sessionId: null,
    });
    expect(replayed.body).toEqual(created.body);
    expectProblem(
      await call('POST', '/v1/enrollments', body, { as: learner }),
      409,
      'ENROLLMENT.ALREADY_EXISTS',
    );

    const opened = await call('POST', `/v1/me/courses/${courseId}/open`, undefined, { as: learner });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ state: 'in_progress', version: 2 });
    expect(
      (await call('POST', `/v1/me/courses/${courseId}/material/0/complete`, undefined, { as: learner })).body,
    ).toMatchObject({
      state: 'in_progress',
    });
    expectProblem(
      await call('POST', `/v1/me/courses/${courseId}/material/5/complete`, undefined, { as: learner }),
      404,
      'ENROLLMENT.MATERIAL_NOT_FOUND',
    );
    const done = await call('POST', `/v1/me/courses/${courseId}/material/1/complete`, undefined, {
      as: learner,
    });
    expect(done.body).toMatchObject({ state: 'completed', completedMaterial: [0, 1], version: 4 });

    const mine = (await call('GET', '/v1/me/courses', undefined, { as: learner })).body as PageBody<unknown>;
    expect(mine.items).toEqual([
      {
        enrollmentId: enrollment.id,
        courseId,
        title: 'Negotiation basics',
        kind: 'elearning',
        sessionId: null,
        state: 'completed',
        completedMaterial: [0, 1],
        attendance: null,
        grade: null,
        may: { open: true, seeMaterial: true, attend: false },
      },
    ]);

    await eventually(() => expect(eventsOf(enrollment.id)).toHaveLength(3), { timeoutMs: 30_000 });
    expect(
      eventsOf(enrollment.id).map((e) => [
        e.type,
        e.aggregateVersion,
        (e.payload as { state: string }).state,
      ]),
    ).toEqual([
      ['enrollment.created', 1, 'enrolled'],
      ['enrollment.state-changed', 2, 'in_progress'],
      ['enrollment.state-changed', 4, 'completed'],
    ]);
    expect(eventsOf(enrollment.id)[1]).toMatchObject({
      tenantId,
      producer: 'learning',
      payload: {
        enrollmentId: enrollment.id,
        courseId,
        courseTitle: 'Negotiation basics',
        userId: learner.userId,
        previousState: 'enrolled',
      },
    });
    await eventually(
      () =>
        expect(
          learning.envelopes(CourseProgressStream.topic).filter((e) => e.aggregateId === learner.userId),
        ).toEqual([
          expect.objectContaining({
            type: 'course.first-accessed',
            tenantId,
            payload: expect.objectContaining({ userId: learner.userId, courseId }),
          }),
        ]),
      { timeoutMs: 30_000 },
    );
  });

  it('given an approval policy, when a learner enrolls, then it waits until an administrator enrolls it (If-Match), and it cannot open the course meanwhile', async () => {
    const learner = aLearner();
    const courseId = await publishedCourse({
      title: 'Leadership',
      kind: 'elearning',
      enrollmentPolicy: 'approval',
    });
    const waiting = await enroll({ courseId, userId: learner.userId }, learner);
    expect(waiting.state).toBe('waiting');
    expectProblem(
      await call('POST', `/v1/me/courses/${courseId}/open`, undefined, { as: learner }),
      409,
      'ENROLLMENT.WAITING',
    );

    expectProblem(
      await call(
        'PATCH',
        `/v1/enrollments/${waiting.id}`,
        { state: 'enrolled' },
        { headers: { 'if-match': '"7"' } },
      ),
      412,
      'REQUEST.STALE_VERSION',
    );
    expectProblem(
      await call('PATCH', `/v1/enrollments/${waiting.id}`, { state: 'enrolled' }, { as: learner }),
      403,
      'AUTH.FORBIDDEN',
    );
    const approved = await call(
      'PATCH',
      `/v1/enrollments/${waiting.id}`,
      { state: 'enrolled' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(approved.status).toBe(200);
    expect(approved.headers.etag).toBe('"2"');
    expect(approved.body).toMatchObject({ state: 'enrolled', version: 2 });
    expect(
      (await call('POST', `/v1/me/courses/${courseId}/open`, undefined, { as: learner })).body,
    ).toMatchObject({
      state: 'in_progress',
    });

    await call('PATCH', `/v1/enrollments/${waiting.id}`, { state: 'suspended' });
    expectProblem(
      await call('POST', `/v1/me/courses/${courseId}/open`, undefined, { as: learner }),
      409,
      'ENROLLMENT.SUSPENDED',
    );
    await call('PATCH', `/v1/enrollments/${waiting.id}`, { state: 'overbooking' });
    expectProblem(
      await call('POST', `/v1/me/courses/${courseId}/open`, undefined, { as: learner }),
      409,
      'ENROLLMENT.OVERBOOKED',
    );
    await eventually(() =>
      expect(eventsOf(waiting.id).map((e) => (e.payload as { state: string }).state)).toEqual([
        'waiting',
        'enrolled',
        'in_progress',
        'suspended',
        'overbooking',
      ]),
    );
  });

  it('given a full session, when a seat holder is unenrolled, then the oldest waiting learner, and only it, is enrolled', async () => {
    const { courseId, sessionId } = await sessionOf(1);
    const holder = await enroll({ courseId, userId: randomUUID(), sessionId });
    const first = await enroll({ courseId, userId: randomUUID(), sessionId });
    const second = await enroll({ courseId, userId: randomUUID(), sessionId });
    expect([holder.state, first.state, second.state]).toEqual(['enrolled', 'waiting', 'waiting']);

    expect(
      (await call('DELETE', `/v1/enrollments/${holder.id}`, undefined, { headers: { 'if-match': '"1"' } }))
        .status,
    ).toBe(204);

    expect([await stateOf(first.id), await stateOf(second.id)]).toEqual(['enrolled', 'waiting']);
    expectProblem(await call('GET', `/v1/enrollments/${holder.id}`), 404, 'ENROLLMENT.NOT_FOUND');
    expectProblem(
      await call('PATCH', `/v1/enrollments/${second.id}`, { state: 'enrolled' }),
      409,
      'ENROLLMENT.SESSION_FULL',
    );
    expectProblem(
      await call('PATCH', `/v1/enrollments/${second.id}`, { state: 'overbooking' }),
      422,
      'ENROLLMENT.OVERBOOKING_NOT_ALLOWED',
    );
    const waitingList = (await call('GET', `/v1/enrollments?courseId=${courseId}&state=waiting`))
      .body as PageBody<EnrollmentBody>;
    expect(waitingList.items.map((e) => e.id)).toEqual([second.id]);
    await eventually(() =>
      expect(eventsOf(holder.id).map((e) => e.type)).toEqual(['enrollment.created', 'enrollment.deleted']),
    );
    await eventually(() =>
      expect(eventsOf(first.id).map((e) => [e.type, (e.payload as { state: string }).state])).toEqual([
        ['enrollment.created', 'waiting'],
        ['enrollment.state-changed', 'enrolled'],
      ]),
    );
  });

  it('given 20 learners enrolling at once in a session of capacity 5, then exactly 5 are enrolled and 15 wait', async () => {
    const { courseId, sessionId } = await sessionOf(5);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/v1/enrollments', { courseId, userId: randomUUID(), sessionId }),
      ),
    );

    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const states = responses.map((r) => (r.body as EnrollmentBody).state);
    expect(states.filter((s) => s === 'enrolled')).toHaveLength(5);
    expect(states.filter((s) => s === 'waiting')).toHaveLength(15);
    const listed = (await call('GET', `/v1/enrollments?courseId=${courseId}&state=enrolled&limit=200`))
      .body as PageBody<EnrollmentBody>;
    expect(listed.items).toHaveLength(5);
  });

  it('given requests that break the rules, then each is refused with its code as problem+json', async () => {
    const learner = aLearner();
    const elearning = await publishedCourse({ title: 'Self-paced', kind: 'elearning' });
    const { courseId: ilt, sessionId } = await sessionOf(3, { enrollmentPolicy: 'approval' });
    const draft = (
      (await call('POST', '/v1/courses', { title: 'Draft', kind: 'elearning' })).body as { id: string }
    ).id;
    const own = await enroll({ courseId: ilt, userId: learner.userId, sessionId }, learner);
    expect(own.state).toBe('to_be_confirmed');

    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: ilt, userId: randomUUID() }),
      422,
      'ENROLLMENT.SESSION_REQUIRED',
    );
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: elearning, userId: randomUUID(), sessionId }),
      422,
      'ENROLLMENT.SESSION_NOT_ALLOWED',
    );
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: ilt, userId: randomUUID(), sessionId: randomUUID() }),
      404,
      'SESSION.NOT_FOUND',
    );
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: draft, userId: randomUUID() }),
      409,
      'ENROLLMENT.COURSE_NOT_PUBLISHED',
    );
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: elearning, userId: randomUUID() }, { as: learner }),
      403,
      'ENROLLMENT.FORBIDDEN',
    );
    expectProblem(
      await call('POST', '/v1/enrollments', { courseId: elearning, userId: 'me' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await call('PATCH', `/v1/enrollments/${own.id}`, { state: 'to_be_confirmed' }),
      409,
      'ENROLLMENT.TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await call('GET', `/v1/enrollments/${own.id}`, undefined, { as: otherAdmin }),
      404,
      'ENROLLMENT.NOT_FOUND',
    );
    expectProblem(
      await call('GET', `/v1/enrollments/${own.id}`, undefined, { as: aLearner() }),
      403,
      'ENROLLMENT.FORBIDDEN',
    );
    expectProblem(
      await call('POST', `/v1/me/courses/${elearning}/open`, undefined, { as: learner }),
      404,
      'ENROLLMENT.NOT_FOUND',
    );

    expect((await call('GET', `/v1/enrollments/${own.id}`, undefined, { as: learner })).headers.etag).toBe(
      '"1"',
    );
    const learnersOwn = (await call('GET', '/v1/enrollments', undefined, { as: learner }))
      .body as PageBody<EnrollmentBody>;
    expect(learnersOwn.items.map((e) => e.id)).toEqual([own.id]);
    expect(
      (await call('GET', `/v1/enrollments?userId=${admin.userId}`, undefined, { as: learner })).body,
    ).toEqual({
      items: [],
      limit: 50,
      nextCursor: null,
    });
    const toBeConfirmed = (await call('GET', '/v1/me/courses', undefined, { as: learner })).body as PageBody<{
      may: unknown;
    }>;
    expect(toBeConfirmed.items[0]?.may).toEqual({ open: true, seeMaterial: true, attend: false });
  });
});
