import {
  EnrollmentsStream,
  RecommendationsStream,
  type EnrollmentState,
  type EventEnvelope,
} from '@lms/contracts';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka, EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import type { Principal } from '@lms/service-kit';
import {
  isolateTestEnvironment,
  recordStreams,
  startServiceApp,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import type { Kafka } from 'kafkajs';
import { newIndividualAssignment } from '../src/assignments/domain/assignment-lifecycle';
import { calendarDateOf } from '../src/assignments/domain/calendar-date';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../src/courses/ports/catalog-course.repository';
import { sendAndWaitUntilConsumed } from './support/identity-events';

const logger = createLogger('coaching-recommendation-events-it', { level: 'warn' });

interface RecommendationBody {
  id: string;
  courseId: string;
  enrollmentState: string | null;
}

/**
 * A coach's recommendations on Kafka and the mentee's enrollments from learning (CO-W4, rules
 * 1, 2 and 8): the service's own outbox and consumer, the real broker and database.
 */
describe('recommendation events out, enrollment events in (real Kafka and Mongo)', () => {
  const tenantId = `coaching-recommendation-events-${uniqueSuffix()}`;
  const coach: Principal & { userId: string } = { tenantId, userId: newId(), level: 'user', roles: [] };
  const menteeId = newId();
  const courseId = newId();
  const learning = new EventFactory('learning');
  let consumerGroup: string;
  let service: ServiceTestApp;
  let recorder: StreamRecorder;
  let kafka: Kafka;
  let producer: EventProducer;

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    recorder = await recordStreams([RecommendationsStream], 'coaching-recommendations-it');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    kafka = createKafka(
      { brokers: brokersFromEnv(process.env), clientId: 'coaching-recommendations-it' },
      logger,
    );
    producer = new EventProducer(kafka);
    const now = new Date();
    await service.app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY).insert({
      assignment: newIndividualAssignment(
        {
          tenantId,
          menteeId,
          coachIds: [coach.userId],
          groupId: null,
          dates: { startDate: calendarDateOf(now), endDate: null },
        },
        { id: newId(now), now, today: calendarDateOf(now) },
      ),
      outbox: [],
    });
    await service.app.get<CatalogCourseRepository>(CATALOG_COURSE_REPOSITORY).applyMany([
      {
        tenantId,
        courseId,
        title: 'Negotiation',
        kind: 'elearning',
        state: 'published',
        version: 1,
        updatedAt: now,
      },
    ]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await service?.close();
  });

  const listAsCoach = async () =>
    (
      (await service.request('GET', `/v1/recommendations?menteeId=${menteeId}`, undefined, { as: coach }))
        .body as {
        items: RecommendationBody[];
      }
    ).items;
  const eventsOf = (id: string): EventEnvelope[] =>
    recorder
      .envelopes(RecommendationsStream.topic)
      .filter((e) => e.tenantId === tenantId && e.aggregateId === id);

  /** Learning's event of the mentee's enrollment in the course at `version`. */
  function enrollment(
    type: 'enrollment.created' | 'enrollment.state-changed' | 'enrollment.deleted',
    enrollmentId: string,
    version: number,
    state: EnrollmentState,
  ): OutboxEntry {
    return learning.create(EnrollmentsStream, type, {
      tenantId,
      aggregateId: enrollmentId,
      aggregateVersion: version,
      payload: {
        enrollmentId,
        courseId,
        courseTitle: 'Negotiation',
        userId: menteeId,
        sessionId: null,
        state,
        previousState: null,
        updatedAt: new Date().toISOString(),
      },
    });
  }

  it('given a coach recommending a course and taking it back, then recommendation.created and recommendation.removed reach Kafka with the full state, in version order', async () => {
    const made = await service.request(
      'POST',
      '/v1/recommendations',
      { menteeId, courseIds: [courseId], note: 'Start here.' },
      { as: coach },
    );
    expect(made.status).toBe(201);
    const id = (made.body as { items: RecommendationBody[] }).items[0]?.id as string;
    expect(
      (
        await service.request(
          'POST',
          '/v1/recommendations',
          { menteeId, courseIds: [courseId] },
          { as: coach },
        )
      ).status,
    ).toBe(200);

    expect(
      (await service.request('DELETE', `/v1/recommendations/${id}`, undefined, { as: coach })).status,
    ).toBe(204);

    await eventually(() => expect(eventsOf(id)).toHaveLength(2), { timeoutMs: 30_000, intervalMs: 200 });
    const [created, removed] = eventsOf(id);
    expect(created).toMatchObject({
      type: 'recommendation.created',
      producer: 'coaching',
      aggregateVersion: 1,
      payload: {
        recommendationId: id,
        menteeId,
        coachId: coach.userId,
        courseId,
        courseTitle: 'Negotiation',
        note: 'Start here.',
        createdAt: expect.any(String),
      },
    });
    expect(removed).toMatchObject({
      type: 'recommendation.removed',
      aggregateVersion: 2,
      payload: { recommendationId: id, note: 'Start here.', removedAt: expect.any(String) },
    });
    expect(recorder.events.find((e) => e.envelope.eventId === created?.eventId)?.key).toBe(
      `${tenantId}:${id}`,
    );

    // Recommended again: live anew at the next version.
    expect(
      (
        await service.request(
          'POST',
          '/v1/recommendations',
          { menteeId, courseIds: [courseId] },
          { as: coach },
        )
      ).status,
    ).toBe(201);
    await eventually(() => expect(eventsOf(id).map((e) => e.aggregateVersion)).toEqual([1, 2, 3]), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  });

  it("given learning's enrollment events, then the coach sees the mentee's enrollment state move; a redelivered or older event changes nothing", async () => {
    expect((await listAsCoach()).map((r) => r.enrollmentState)).toEqual([null]);
    const enrollmentId = newId();
    // The service's consumer group is new: send the first event (a newer version each time)
    // until it shows, so that no later event of the test is sent before it reads the topic.
    let version = 0;
    await eventually(
      async () => {
        version++;
        await producer.send([enrollment('enrollment.created', enrollmentId, version, 'enrolled')]);
        await eventually(async () => expect((await listAsCoach())[0]?.enrollmentState).toBe('enrolled'), {
          timeoutMs: 2_000,
        });
      },
      { timeoutMs: 60_000 },
    );

    const completed = enrollment('enrollment.state-changed', enrollmentId, version + 2, 'completed');
    await sendAndWaitUntilConsumed(kafka, consumerGroup, EnrollmentsStream, () =>
      producer.send([
        enrollment('enrollment.state-changed', enrollmentId, version + 1, 'in_progress'),
        completed,
      ]),
    );
    expect((await listAsCoach())[0]?.enrollmentState).toBe('completed');

    await sendAndWaitUntilConsumed(kafka, consumerGroup, EnrollmentsStream, () =>
      producer.send([
        completed,
        enrollment('enrollment.state-changed', enrollmentId, version + 1, 'in_progress'),
      ]),
    );
    expect((await listAsCoach())[0]?.enrollmentState).toBe('completed');
    const asMentee = await service.request('GET', '/v1/me/recommendations', undefined, {
      as: { tenantId, userId: menteeId, level: 'user', roles: [] },
    });
    expect((asMentee.body as { items: RecommendationBody[] }).items.map((r) => r.enrollmentState)).toEqual([
      'completed',
    ]);

    await sendAndWaitUntilConsumed(kafka, consumerGroup, EnrollmentsStream, () =>
      producer.send([enrollment('enrollment.deleted', enrollmentId, version + 3, 'completed')]),
    );
    expect((await listAsCoach())[0]?.enrollmentState).toBeNull();
  });
});
