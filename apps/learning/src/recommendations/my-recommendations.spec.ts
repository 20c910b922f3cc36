import { randomUUID } from 'node:crypto';
import { RecommendationsStream, type EventEnvelope, type PayloadOf } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import type { CourseDetails } from '../courses/domain/course';
import { InMemoryLearnerRecommendationRepository } from '../testing/in-memory-learner-recommendation.repository';
import {
  anActor,
  anAdministrator,
  aPowerUser,
  buildLearningTestbed,
  TENANT,
} from '../testing/learning-testbed';
import { RecommendedCourseResponseDto } from './dto/my-recommendation.response.dto';
import { RecommendationEventsConsumer } from './recommendation-events.consumer';
import { ApplyRecommendationEventsUseCase } from './use-cases/apply-recommendation-events.use-case';
import { ListMyRecommendationsUseCase } from './use-cases/list-my-recommendations.use-case';

const coaching = new EventFactory('coaching');
const POWER = aPowerUser('power');
const COACH = '0195792b-0000-7000-8000-00000000c0ac';
const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' }],
};

type RecommendationEvents = typeof RecommendationsStream.events;

function setUp() {
  const t = buildLearningTestbed();
  const recommendations = new InMemoryLearnerRecommendationRepository();
  const consumer = new RecommendationEventsConsumer(new ApplyRecommendationEventsUseCase(recommendations));
  const list = new ListMyRecommendationsUseCase(recommendations, t.enrollments, t.courses);
  const deliver = (...events: EventEnvelope[]) => consumer.onRecommendationEvents(events as never);
  const mine = async (userId: string | null) =>
    (await list.execute({ tenantId: TENANT, userId, page: { limit: 50 } })).items.map((item) =>
      RecommendedCourseResponseDto.from(item),
    );
  /** A published e-learning course of one material item. */
  const course = async (title: string) => {
    const created = await t.createCourse.execute({
      tenantId: TENANT,
      actor: POWER,
      kind: 'elearning',
      details: { ...DETAILS, title },
    });
    return t.changeState.execute({ tenantId: TENANT, id: created.id, actor: POWER, transition: 'publish' });
  };
  return { t, recommendations, deliver, mine, course };
}

/** Coaching's event of a recommendation of `courseId` to `menteeId`, at `version`. */
function event(
  type: keyof RecommendationEvents & string,
  recommendation: { id: string; menteeId: string; courseId: string },
  version: number,
  overrides: Record<string, unknown> = {},
): EventEnvelope {
  const payload = {
    recommendationId: recommendation.id,
    menteeId: recommendation.menteeId,
    coachId: COACH,
    courseId: recommendation.courseId,
    courseTitle: 'Title in coaching',
    note: 'Start here.',
    createdAt: '2026-03-01T09:00:00.000Z',
    ...(type === 'recommendation.removed' ? { removedAt: '2026-03-02T09:00:00.000Z' } : {}),
    ...overrides,
  } as PayloadOf<RecommendationEvents, typeof type>;
  return coaching.create(RecommendationsStream, type, {
    tenantId: TENANT,
    aggregateId: recommendation.id,
    aggregateVersion: version,
    payload,
  }).envelope;
}

describe("the learner's recommended courses (CO-W4)", () => {
  it('given a recommendation, then the learner sees the course, who recommended it and when, not enrolled; once it enrolls and completes it, with its enrollment', async () => {
    const { t, deliver, mine, course } = setUp();
    const ann = randomUUID();
    const c = await course('Negotiation basics');
    const recommendation = { id: randomUUID(), menteeId: ann, courseId: c.id };

    await deliver(event('recommendation.created', recommendation, 1));

    const expected = {
      recommendationId: recommendation.id,
      courseId: c.id,
      // Learning's own title of the course, not the one the event carried.
      courseTitle: 'Negotiation basics',
      coachId: COACH,
      note: 'Start here.',
      recommendedAt: '2026-03-01T09:00:00.000Z',
    };
    expect(await mine(ann)).toEqual([{ ...expected, enrollment: null }]);
    expect(await mine(randomUUID())).toEqual([]);
    expect(await mine(null)).toEqual([]);

    const enrolledAt = t.clock.now().toISOString();
    await t.createEnrollment.execute({
      tenantId: TENANT,
      actor: anAdministrator('admin'),
      courseId: c.id,
      userId: ann,
    });
    expect(await mine(ann)).toEqual([
      { ...expected, enrollment: { state: 'enrolled', enrolledAt, completedAt: null } },
    ]);

    t.clock.advance(60_000);
    await t.recordProgress.execute({
      tenantId: TENANT,
      actor: anActor(ann),
      courseId: c.id,
      step: { kind: 'complete_material', index: 0 },
    });
    expect(await mine(ann)).toEqual([
      {
        ...expected,
        enrollment: { state: 'completed', enrolledAt, completedAt: t.clock.now().toISOString() },
      },
    ]);
  });

  it('given the same events delivered twice and an older one late, then the recommendation is shown once; once removed it disappears', async () => {
    const { deliver, mine } = setUp();
    const ann = randomUUID();
    const recommendation = { id: randomUUID(), menteeId: ann, courseId: 'course-unknown-to-learning' };
    const created = event('recommendation.created', recommendation, 1);

    await deliver(created, created);
    await deliver(created);
    expect(await mine(ann)).toEqual([
      expect.objectContaining({ recommendationId: recommendation.id, courseTitle: 'Title in coaching' }),
    ]);

    const removed = event('recommendation.removed', recommendation, 2);
    await deliver(removed);
    await deliver(created, removed);
    expect(await mine(ann)).toEqual([]);

    // Made again by its coach: shown anew, with what the newer event carries.
    await deliver(
      event('recommendation.created', recommendation, 3, { note: 'Once more', courseTitle: undefined }),
    );
    expect(await mine(ann)).toEqual([
      expect.objectContaining({ recommendationId: recommendation.id, note: 'Once more', courseTitle: null }),
    ]);
  });

  it('lists newest first, a page at a time', async () => {
    const { t, recommendations, deliver } = setUp();
    const ann = randomUUID();
    const list = new ListMyRecommendationsUseCase(recommendations, t.enrollments, t.courses);
    await deliver(
      ...[1, 3, 2].map((day) =>
        event('recommendation.created', { id: randomUUID(), menteeId: ann, courseId: `course-${day}` }, 1, {
          createdAt: `2026-03-0${day}T09:00:00.000Z`,
        }),
      ),
    );

    const first = await list.execute({ tenantId: TENANT, userId: ann, page: { limit: 2 } });
    const second = await list.execute({
      tenantId: TENANT,
      userId: ann,
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect([...first.items, ...second.items].map((item) => item.recommendation.courseId)).toEqual([
      'course-3',
      'course-2',
      'course-1',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second.nextCursor).toBeNull();
  });
});
