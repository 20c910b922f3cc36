import { randomUUID } from 'node:crypto';
import {
  EnrollmentsStream,
  PlanEnrollmentsStream,
  type EnrollmentStateV1,
  type EventEnvelope,
  type PlanEnrollmentStateV1,
} from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import { expectProblem, isolateTestEnvironment, type TestResponse } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { learningUnderTest } from './support/learning-under-test';

interface PlanBody {
  id: string;
  title: string;
  courseIds: string[];
  version: number;
}

interface PlanEnrollmentBody {
  id: string;
  planId: string;
  userId: string;
  state: string;
  version: number;
}

interface MyPlanBody {
  planId: string;
  title: string | null;
  state: string;
  courses: Array<{ courseId: string; title: string | null; enrollmentState: string | null }>;
}

interface PageBody<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

const MATERIAL = [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/welcome.mp4' }];

/**
 * Learning plans (LE-P1) against the real broker and database, through the HTTP routes: a plan
 * of two e-learning courses, a learner enrolled in it, its plan state following its progress in
 * the courses through learning's own enrollment events, each change of the plan state on Kafka,
 * redelivered events changing nothing, and the refusals as problem+json.
 */
describe('learning service: learning plans over HTTP, with real Kafka and Mongo', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-plans-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const otherAdmin: Principal = { ...admin, tenantId: `${tenantId}-other` };
  const aLearner = (): Principal => ({ tenantId, userId: randomUUID(), level: 'user', roles: [] });

  const learning = learningUnderTest(admin, 'learning-plans-int-test', {
    record: [EnrollmentsStream, PlanEnrollmentsStream],
  });

  function call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    options: { as?: Principal; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    return learning.request(method, url, body, { as: options.as ?? admin, headers: options.headers });
  }

  async function publishedCourse(title: string): Promise<string> {
    const created = await call('POST', '/v1/courses', { title, kind: 'elearning', material: MATERIAL });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect((await call('POST', `/v1/courses/${id}/publish`)).status).toBe(200);
    return id;
  }

  async function planOf(courseIds: string[], title = 'Sales onboarding'): Promise<PlanBody> {
    const created = await call('POST', '/v1/plans', { title, courseIds });
    expect(created.status).toBe(201);
    return created.body as PlanBody;
  }

  async function planStateOf(planId: string, userId: string): Promise<string | undefined> {
    const page = (await call('GET', `/v1/plans/${planId}/enrollments`)).body as PageBody<PlanEnrollmentBody>;
    return page.items.find((e) => e.userId === userId)?.state;
  }

  /** The plan events of a learner's plan enrollment read from Kafka: type, previous state, state. */
  function planEventsOf(planEnrollmentId: string): Array<[string, string | null, string]> {
    return learning
      .envelopes(PlanEnrollmentsStream.topic)
      .filter((e) => e.aggregateId === planEnrollmentId)
      .map((e) => {
        const payload = e.payload as PlanEnrollmentStateV1;
        return [e.type, payload.previousState, payload.state];
      });
  }

  /** The learner's enrollment events on Kafka (as learning published them). */
  function enrollmentEventsOf(userId: string): EventEnvelope[] {
    return learning
      .envelopes(EnrollmentsStream.topic)
      .filter((e) => (e.payload as EnrollmentStateV1).userId === userId);
  }

  /** Sends the same envelopes again: a redelivery, as the broker would after a consumer crash. */
  async function redeliver(envelopes: readonly EventEnvelope[]): Promise<void> {
    await learning.send(
      envelopes.map((envelope) => ({
        eventId: envelope.eventId,
        topic: EnrollmentsStream.topic,
        key: EnrollmentsStream.key(envelope),
        envelope,
      })),
    );
  }

  /**
   * Waits until the learner's plan is in `state`. The service's new consumer group starts at
   * the newest offsets once it has fetched: until then the learner's enrollment events are
   * sent again (harmless: a redelivery recomputes the same state).
   */
  async function untilPlanState(planId: string, userId: string, state: string): Promise<void> {
    await eventually(
      async () => {
        if ((await planStateOf(planId, userId)) === state) return;
        await redeliver(enrollmentEventsOf(userId).slice(-1));
        await eventually(async () => expect(await planStateOf(planId, userId)).toBe(state), {
          timeoutMs: 3_000,
        });
      },
      { timeoutMs: 60_000 },
    );
  }

  it('given a plan of two e-learning courses, when a learner is enrolled, opens one and completes both, then the plan goes enrolled → in_progress → completed with an event on Kafka for each change, and events delivered twice change nothing', async () => {
    const learner = aLearner();
    const userId = learner.userId as string;
    const first = await publishedCourse('Prospecting');
    const second = await publishedCourse('Closing');
    const plan = await planOf([first, second]);
    expect((await call('GET', `/v1/plans/${plan.id}`)).headers.etag).toBe('"1"');

    const key = `plan-enroll-${uniqueSuffix()}`;
    const enrolled = await call(
      'POST',
      `/v1/plans/${plan.id}/enrollments`,
      { userId },
      { headers: { 'idempotency-key': key } },
    );
    const replayed = await call(
      'POST',
      `/v1/plans/${plan.id}/enrollments`,
      { userId },
      { headers: { 'idempotency-key': key } },
    );
    expect(enrolled.status).toBe(201);
    expect(replayed.body).toEqual(enrolled.body);
    const planEnrollment = enrolled.body as PlanEnrollmentBody;
    expect(planEnrollment).toMatchObject({ planId: plan.id, userId, state: 'enrolled', version: 1 });
    const mine = (await call('GET', '/v1/me/courses', undefined, { as: learner })).body as PageBody<{
      courseId: string;
      state: string;
    }>;
    expect(mine.items.map((c) => [c.courseId, c.state])).toEqual([
      [first, 'enrolled'],
      [second, 'enrolled'],
    ]);
    expectProblem(
      await call('POST', `/v1/plans/${plan.id}/enrollments`, { userId }),
      409,
      'PLAN.ENROLLMENT_ALREADY_EXISTS',
    );

    expect((await call('POST', `/v1/me/courses/${first}/open`, undefined, { as: learner })).status).toBe(200);
    await untilPlanState(plan.id, userId, 'in_progress');

    expect(
      (await call('POST', `/v1/me/courses/${first}/material/0/complete`, undefined, { as: learner })).status,
    ).toBe(200);
    expect(
      (await call('POST', `/v1/me/courses/${second}/material/0/complete`, undefined, { as: learner })).status,
    ).toBe(200);
    await untilPlanState(plan.id, userId, 'completed');

    await eventually(async () =>
      expect(planEventsOf(planEnrollment.id)).toEqual([
        ['plan-enrollment.created', null, 'enrolled'],
        ['plan-enrollment.state-changed', 'enrolled', 'in_progress'],
        ['plan-enrollment.state-changed', 'in_progress', 'completed'],
      ]),
    );

    // Every enrollment event of the learner delivered again, then a later one to see it went through.
    await redeliver(enrollmentEventsOf(userId));
    const marker = await publishedCourse('Marker');
    const other = await planOf([marker], 'Marker plan');
    expect((await call('POST', `/v1/plans/${other.id}/enrollments`, { userId })).status).toBe(201);
    expect((await call('POST', `/v1/me/courses/${marker}/open`, undefined, { as: learner })).status).toBe(
      200,
    );
    await untilPlanState(other.id, userId, 'in_progress');
    expect(await planStateOf(plan.id, userId)).toBe('completed');
    expect(planEventsOf(planEnrollment.id)).toHaveLength(3);

    const myPlans = (await call('GET', '/v1/me/plans', undefined, { as: learner }))
      .body as PageBody<MyPlanBody>;
    expect(
      myPlans.items.map((p) => [p.title, p.state, p.courses.map((c) => [c.title, c.enrollmentState])]),
    ).toEqual([
      [
        'Sales onboarding',
        'completed',
        [
          ['Prospecting', 'completed'],
          ['Closing', 'completed'],
        ],
      ],
      ['Marker plan', 'in_progress', [['Marker', 'in_progress']]],
    ]);
  });

  it('given plans, then edits, deletion and refusals answer with their codes as problem+json', async () => {
    const course = await publishedCourse('Listening');
    const plan = await planOf([course], 'Draft plan');
    const learner = aLearner();

    expectProblem(
      await call('PATCH', `/v1/plans/${plan.id}`, { title: 'X' }, { headers: { 'if-match': '"9"' } }),
      412,
      'REQUEST.STALE_VERSION',
    );
    const renamed = await call(
      'PATCH',
      `/v1/plans/${plan.id}`,
      { title: 'Listening plan' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    expectProblem(
      await call('POST', '/v1/plans', { title: 'P', courseIds: [randomUUID()] }),
      422,
      'PLAN.COURSE_NOT_FOUND',
    );
    expectProblem(
      await call('GET', `/v1/plans/${plan.id}`, undefined, { as: otherAdmin }),
      404,
      'PLAN.NOT_FOUND',
    );
    expect((await call('GET', '/v1/plans', undefined, { as: learner })).status).toBe(403);
    expect((await call('POST', `/v1/plans/${plan.id}/enrollments`, { userId: learner.userId })).status).toBe(
      201,
    );
    expectProblem(
      await call('PATCH', `/v1/plans/${plan.id}`, { courseIds: [course, await publishedCourse('More')] }),
      409,
      'PLAN.HAS_ENROLLMENTS',
    );
    expectProblem(await call('DELETE', `/v1/plans/${plan.id}`), 409, 'PLAN.HAS_ENROLLMENTS');

    const empty = await planOf([course], 'Nobody here');
    expect((await call('DELETE', `/v1/plans/${empty.id}`)).status).toBe(204);
    expectProblem(await call('GET', `/v1/plans/${empty.id}`), 404, 'PLAN.NOT_FOUND');
    const listed = (await call('GET', '/v1/plans?limit=1')).body as PageBody<PlanBody>;
    expect(listed).toMatchObject({ limit: 1, nextCursor: expect.any(String) });
  });
});
