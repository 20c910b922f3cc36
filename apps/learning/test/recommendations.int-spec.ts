import { randomUUID } from 'node:crypto';
import { RecommendationsStream, type StreamDefinition } from '@lms/contracts';
import { brokersFromEnv, createKafka, EventFactory, EventProducer, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import type { Principal } from '@lms/service-kit';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import type { Kafka } from 'kafkajs';

const logger = createLogger('learning-recommendations-int-test', { level: 'warn' });

interface RecommendedBody {
  recommendationId: string;
  courseId: string;
  courseTitle: string | null;
  coachId: string;
  note: string | null;
  recommendedAt: string;
  enrollment: { state: string; enrolledAt: string; completedAt: string | null } | null;
}

/**
 * The learner's recommended courses (CO-W4) against the real broker and database: coaching's
 * recommendation events on their real topic, learning's own consumer and enrollments, the route.
 */
describe("learning service: a learner's recommended courses from coaching's events (real Kafka and Mongo)", () => {
  const { consumerGroup } = isolateTestEnvironment('learning');
  const tenantId = `learning-recommendations-it-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: randomUUID(),
    level: 'superadmin',
    roles: ['application_admin'],
  };
  const learner = (): Principal & { userId: string } => ({
    tenantId,
    userId: randomUUID(),
    level: 'user',
    roles: [],
  });
  const coachId = randomUUID();
  const coaching = new EventFactory('coaching');
  let service: ServiceTestApp;
  let kafka: Kafka;
  let producer: EventProducer;

  beforeAll(async () => {
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { caller: admin });
    kafka = createKafka(
      { brokers: brokersFromEnv(process.env), clientId: 'learning-recommendations-it' },
      logger,
    );
    producer = new EventProducer(kafka);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  const mine = async (as: Principal) => {
    const answer = await service.request('GET', '/v1/me/recommendations', undefined, { as });
    expect(answer.status).toBe(200);
    return (answer.body as { items: RecommendedBody[] }).items;
  };

  /** Coaching's event of a recommendation of `courseId` to `userId`, as coaching writes it. */
  function recommendation(
    type: 'recommendation.created' | 'recommendation.removed',
    r: { id: string; userId: string; courseId: string },
    version: number,
  ): OutboxEntry {
    const state = {
      recommendationId: r.id,
      menteeId: r.userId,
      coachId,
      courseId: r.courseId,
      courseTitle: 'Negotiation',
      note: 'Before our next session.',
      createdAt: '2026-03-01T09:00:00.000Z',
    };
    const envelope = { tenantId, aggregateId: r.id, aggregateVersion: version };
    return type === 'recommendation.created'
      ? coaching.create(RecommendationsStream, type, { ...envelope, payload: state })
      : coaching.create(RecommendationsStream, type, {
          ...envelope,
          payload: { ...state, removedAt: '2026-03-02T09:00:00.000Z' },
        });
  }

  /** Sends the events and waits until the service's consumer group committed past them. */
  async function sendAndWaitUntilConsumed(
    stream: StreamDefinition,
    ...entries: OutboxEntry[]
  ): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = async () =>
        new Map((await admin.fetchTopicOffsets(stream.topic)).map((p) => [p.partition, BigInt(p.offset)]));
      const before = await ends();
      await producer.send(entries);
      const grown = [...(await ends())].filter(([partition, end]) => end > (before.get(partition) ?? 0n));
      await eventually(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId: consumerGroup, topics: [stream.topic] });
          const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
          for (const [partition, end] of grown) expect(at.get(partition) ?? -1n).toBeGreaterThanOrEqual(end);
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  it('given a recommendation from coaching delivered twice, then the learner sees it once, with its enrollment; once removed it disappears', async () => {
    // The service's consumer group is new: send a probe (a newer version each time) until it
    // shows, so that no event of the test is sent before the group reads the topic.
    const prober = learner();
    const probe = { id: randomUUID(), userId: prober.userId, courseId: randomUUID() };
    let version = 0;
    await eventually(
      async () => {
        version++;
        await producer.send([recommendation('recommendation.created', probe, version)]);
        await eventually(async () => expect(await mine(prober)).toHaveLength(1), { timeoutMs: 2_000 });
      },
      { timeoutMs: 60_000 },
    );

    const ann = learner();
    const created = await service.request('POST', '/v1/courses', {
      title: 'Negotiation basics',
      kind: 'elearning',
    });
    expect(created.status).toBe(201);
    const courseId = (created.body as { id: string }).id;
    expect((await service.request('POST', `/v1/courses/${courseId}/publish`)).status).toBe(200);
    expect((await service.request('POST', '/v1/enrollments', { courseId, userId: ann.userId })).status).toBe(
      201,
    );
    const made = { id: randomUUID(), userId: ann.userId, courseId };
    const event = recommendation('recommendation.created', made, 1);

    // The same envelope twice, as a redelivery after a crash brings it.
    await sendAndWaitUntilConsumed(RecommendationsStream, event, event);

    expect(await mine(ann)).toEqual([
      {
        recommendationId: made.id,
        courseId,
        courseTitle: 'Negotiation basics',
        coachId,
        note: 'Before our next session.',
        recommendedAt: '2026-03-01T09:00:00.000Z',
        enrollment: { state: 'enrolled', enrolledAt: expect.any(String), completedAt: null },
      },
    ]);
    expect(await mine(learner())).toEqual([]);

    await sendAndWaitUntilConsumed(
      RecommendationsStream,
      recommendation('recommendation.removed', made, 2),
      // Older than the removal, arriving late: it does not bring the recommendation back.
      event,
    );
    expect(await mine(ann)).toEqual([]);
  });
});
