import { randomUUID } from 'node:crypto';
import { CourseProgressStream, EnrollmentsStream, type EventEnvelope } from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface EnrollmentBody {
  id: string;
  userId: string;
  state: string;
  attendance: string | null;
  grade: number | null;
  version: number;
}

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

const HOUR = 3_600_000;

/**
 * Attendance of instructor-led sessions (LE-C2, LE-E1) against the real broker and database,
 * through the HTTP routes: an instructor marks a learner attended, which completes its
 * enrollment, publishes the change once, and shows in the session's list and the learner's courses.
 */
describe('learning service: attendance of instructor-led sessions, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-attendance-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const instructor: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };
  const learner: Principal = { tenantId, userId: randomUUID(), level: 'user', roles: [] };

  const learning = learningUnderTest(admin, 'learning-attendance-it', {
    record: [EnrollmentsStream, CourseProgressStream],
  });

  function call(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    options: { as?: Principal; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as: options.as ?? admin, headers: options.headers });
  }

  /** A session of the course, starting `fromNowMs` from now, for three hours. */
  async function sessionOf(courseId: string, fromNowMs: number): Promise<string> {
    const startsAt = Date.now() + fromNowMs;
    const session = await call('POST', `/v1/courses/${courseId}/sessions`, {
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3 * HOUR).toISOString(),
      place: 'Milan office',
      capacity: 10,
    });
    expect(session.status).toBe(201);
    return (session.body as { id: string }).id;
  }

  function eventsOf(enrollmentId: string): EventEnvelope[] {
    return learning.envelopes(EnrollmentsStream.topic).filter((e) => e.aggregateId === enrollmentId);
  }

  it('given a learner in a session that started, when its instructor marks it attended, then its enrollment is completed, on Kafka once, in the session list and in its courses', async () => {
    const created = await call('POST', '/v1/courses', { title: 'Negotiation workshop', kind: 'ilt' });
    expect(created.status).toBe(201);
    const courseId = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${courseId}/publish`)).status).toBe(200);
    const sessionId = await sessionOf(courseId, -HOUR);
    const upcoming = await sessionOf(courseId, 30 * 24 * HOUR);
    expect(
      (await call('PUT', `/v1/courses/${courseId}/roles/${instructor.userId}`, { role: 'instructor' }))
        .status,
    ).toBe(200);
    const enrolled = await call('POST', '/v1/enrollments', { courseId, userId: learner.userId, sessionId });
    expect(enrolled.status).toBe(201);
    const enrollment = enrolled.body as EnrollmentBody;
    const later = await call('POST', '/v1/enrollments', {
      courseId,
      userId: randomUUID(),
      sessionId: upcoming,
    });
    const attendance = `/v1/enrollments/${enrollment.id}/attendance`;

    expectProblem(
      await call('PUT', attendance, { attended: true }, { as: learner }),
      403,
      'ENROLLMENT.FORBIDDEN',
    );
    expectProblem(
      await call('PUT', attendance, { attended: true, grade: 101 }, { as: instructor }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await call('PUT', attendance, { attended: true }, { as: instructor, headers: { 'if-match': '"7"' } }),
      412,
      'REQUEST.STALE_VERSION',
    );
    expectProblem(
      await call(
        'PUT',
        `/v1/enrollments/${(later.body as EnrollmentBody).id}/attendance`,
        { attended: true },
        { as: instructor },
      ),
      409,
      'ENROLLMENT.SESSION_NOT_STARTED',
    );

    const marked = await call(
      'PUT',
      attendance,
      { attended: true, grade: 92, note: 'Led the role play' },
      { as: instructor, headers: { 'if-match': '"1"' } },
    );
    expect(marked.status).toBe(200);
    expect(marked.headers.etag).toBe('"2"');
    expect(marked.body).toMatchObject({
      id: enrollment.id,
      state: 'completed',
      attendance: 'attended',
      grade: 92,
      note: 'Led the role play',
      attendanceMarkedBy: instructor.userId,
      version: 2,
    });
    const again = await call(
      'PUT',
      attendance,
      { attended: true, grade: 92, note: 'Led the role play' },
      { as: instructor },
    );
    expect(again.body).toMatchObject({ state: 'completed', version: 2 });

    const list = await call('GET', `/v1/courses/${courseId}/sessions/${sessionId}/attendance`, undefined, {
      as: instructor,
    });
    expect(list.status).toBe(200);
    expect(
      (list.body as PageBody<EnrollmentBody>).items.map((e) => [e.id, e.state, e.attendance, e.grade]),
    ).toEqual([[enrollment.id, 'completed', 'attended', 92]]);
    expectProblem(
      await call('GET', `/v1/courses/${courseId}/sessions/${sessionId}/attendance`, undefined, {
        as: learner,
      }),
      403,
      'ENROLLMENT.FORBIDDEN',
    );
    const mine = (await call('GET', '/v1/me/courses', undefined, { as: learner })).body as PageBody<unknown>;
    expect(mine.items).toEqual([
      expect.objectContaining({ courseId, state: 'completed', attendance: 'attended', grade: 92 }),
    ]);

    await eventually(() => expect(eventsOf(enrollment.id)).toHaveLength(2), { timeoutMs: 30_000 });
    const changed = eventsOf(enrollment.id).filter((e) => e.type === 'enrollment.state-changed');
    expect(changed).toEqual([
      expect.objectContaining({
        aggregateVersion: 2,
        payload: expect.objectContaining({
          state: 'completed',
          previousState: 'enrolled',
          attendance: 'attended',
          grade: 92,
        }),
      }),
    ]);
    // An attendance is no opening of the course by the learner: no first access announced.
    expect(
      learning.envelopes(CourseProgressStream.topic).filter((e) => e.aggregateId === learner.userId),
    ).toEqual([]);
  });
});
