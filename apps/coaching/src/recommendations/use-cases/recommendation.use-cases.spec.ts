import { newId } from '@lms/kernel';
import { RecommendationResponseDto } from '../dto/recommendation.response.dto';
import { anEnrollmentChange } from '../../testing/learner-enrollment-repository.contract';
import { OTHER_TENANT, TENANT } from '../../testing/coaching-testbed';
import { buildRecommendationsTestbed } from '../../testing/recommendations-testbed';
import type { RecommendationActor } from '../domain/recommendation-access';
import {
  CoursesUnavailableError,
  RecommendationForbiddenError,
  RecommendationNotFoundError,
  RecommendationRemovalForbiddenError,
} from '../recommendations.errors';

const PAGE = { limit: 50 };

/** A signed-in plain user of the tenant. */
function aUser(userId: string | null): RecommendationActor {
  return { tenantId: TENANT, userId, level: 'user', roles: [] };
}

async function setUp() {
  const t = buildRecommendationsTestbed();
  const assignment = await t.givenAssignment();
  const coachId = assignment.coachIds[0] as string;
  const [course, other] = [
    await t.givenCourse({ title: 'Negotiation' }),
    await t.givenCourse({ kind: 'ilt' }),
  ];
  const recommend = (overrides: Partial<Parameters<typeof t.recommendCourses.execute>[0]> = {}) =>
    t.recommendCourses.execute({
      tenantId: TENANT,
      coachId,
      menteeId: assignment.menteeId,
      courseIds: [course.courseId, other.courseId],
      note: null,
      ...overrides,
    });
  return { t, assignment, coachId, menteeId: assignment.menteeId, course, other, recommend };
}

describe('RecommendCoursesUseCase', () => {
  it('given a coach of a current, active assignment, when it recommends published courses, then each is recommended once with the note, in the order asked', async () => {
    const { t, coachId, menteeId, course, other, recommend } = await setUp();

    const result = await recommend({ note: '  Before Thursday.  ' });

    expect(result.created).toBe(true);
    expect(result.recommended).toEqual([
      {
        recommendation: {
          id: expect.any(String),
          tenantId: TENANT,
          coachId,
          menteeId,
          courseId: course.courseId,
          note: 'Before Thursday.',
          createdAt: t.clock.now(),
          removedAt: null,
          version: 1,
        },
        course,
        enrollmentState: null,
      },
      expect.objectContaining({ course: other }),
    ]);
  });

  it('given the same courses recommended again, then nothing new is stored and the first recommendation, its note included, stands', async () => {
    const { t, menteeId, course, other, recommend } = await setUp();
    const first = await recommend({ courseIds: [course.courseId], note: 'First' });
    t.clock.advance(60_000);

    const again = await recommend({ courseIds: [course.courseId], note: 'Second' });
    const more = await recommend({ courseIds: [other.courseId, course.courseId], note: null });

    expect(again).toEqual({ recommended: first.recommended, created: false });
    expect(more.created).toBe(true);
    expect(more.recommended[1]).toEqual(first.recommended[0]);
    const listed = await t.recommendations.list(TENANT, { menteeId }, PAGE);
    expect(listed.items.map((r) => r.courseId).sort()).toEqual([course.courseId, other.courseId].sort());
  });

  it('given a caller who does not coach the mentee now, then it is refused and nothing is stored', async () => {
    const { t, coachId, menteeId, recommend } = await setUp();
    const ended = await t.givenAssignment({ status: 'ended', coachIds: [coachId] });
    const deactivated = await t.givenAssignment({ active: false, coachIds: [coachId] });
    const scheduled = await t.givenAssignment({ status: 'scheduled', coachIds: [coachId] });

    for (const refused of [
      recommend({ coachId: newId() }),
      recommend({ coachId: null }),
      // The mentee itself, and a coach whose tie with the mentee grants nothing now.
      recommend({ coachId: menteeId }),
      recommend({ menteeId: ended.menteeId }),
      recommend({ menteeId: deactivated.menteeId }),
      recommend({ menteeId: scheduled.menteeId }),
      // The same coach and mentee seen from another tenant.
      recommend({ tenantId: OTHER_TENANT }),
    ]) {
      await expect(refused).rejects.toBeInstanceOf(RecommendationForbiddenError);
    }
    expect((await t.recommendations.list(TENANT, {}, PAGE)).items).toEqual([]);
  });

  it('given a course unknown, in draft or archived, then the request is refused naming each, and nothing is stored', async () => {
    const { t, course, recommend } = await setUp();
    const [draft, archived, unknown] = [
      await t.givenCourse({ state: 'draft' }),
      await t.givenCourse({ state: 'archived' }),
      newId(),
    ];

    const refused = recommend({ courseIds: [course.courseId, unknown, draft.courseId, archived.courseId] });

    await expect(refused).rejects.toBeInstanceOf(CoursesUnavailableError);
    await expect(refused).rejects.toMatchObject({
      code: 'RECOMMENDATION.COURSES_UNAVAILABLE',
      details: {
        courses: [
          { courseId: unknown, reason: 'unknown' },
          { courseId: draft.courseId, reason: 'draft' },
          { courseId: archived.courseId, reason: 'archived' },
        ],
      },
    });
    expect((await t.recommendations.list(TENANT, {}, PAGE)).items).toEqual([]);
  });
});

describe('ListRecommendationsUseCase', () => {
  it('given recommendations of two coaches, then a coach sees its own, the mentee all made to it, an administrator all of the tenant, newest first', async () => {
    const { t, coachId, menteeId, course, other, recommend } = await setUp();
    const secondCoach = newId();
    await t.givenAssignment({ menteeId, coachIds: [secondCoach] });
    const elsewhere = await t.givenAssignment({ coachIds: [coachId] });
    await recommend({ courseIds: [course.courseId] });
    t.clock.advance(1_000);
    await recommend({ coachId: secondCoach, courseIds: [other.courseId] });
    t.clock.advance(1_000);
    await recommend({ menteeId: elsewhere.menteeId, courseIds: [other.courseId] });

    const seen = async (actor: RecommendationActor, asked?: string) =>
      (await t.listRecommendations.execute({ actor, menteeId: asked, page: PAGE })).items.map(
        ({ recommendation: r }) =>
          `${r.coachId === coachId ? 'first' : 'second'}:${r.menteeId === menteeId ? 'mentee' : 'other'}`,
      );

    expect(await seen(aUser(coachId))).toEqual(['first:other', 'first:mentee']);
    expect(await seen(aUser(coachId), menteeId)).toEqual(['first:mentee']);
    expect(await seen(aUser(secondCoach), elsewhere.menteeId)).toEqual([]);
    expect(await seen(aUser(menteeId))).toEqual([]);
    expect(await seen(aUser(menteeId), menteeId)).toEqual(['second:mentee', 'first:mentee']);
    const administrator = { ...aUser(newId()), roles: ['application_admin'] };
    expect(await seen(administrator)).toEqual(['first:other', 'second:mentee', 'first:mentee']);
    expect(await seen({ ...aUser(newId()), level: 'superadmin' }, elsewhere.menteeId)).toEqual([
      'first:other',
    ]);
    expect(await seen({ ...administrator, tenantId: OTHER_TENANT })).toEqual([]);
    expect(await seen(aUser(null))).toEqual([]);
  });

  it('pages the list and shows each course as the catalog knows it now', async () => {
    const { t, coachId, course, other, recommend } = await setUp();
    await recommend();
    await t.applyCourseEvents.execute([{ ...course, state: 'archived', version: 2 }]);

    const first = await t.listRecommendations.execute({
      actor: aUser(coachId),
      page: { limit: 1 },
    });
    const second = await t.listRecommendations.execute({
      actor: aUser(coachId),
      page: { limit: 1, cursor: first.nextCursor ?? undefined },
    });

    expect(first).toMatchObject({ limit: 1, nextCursor: expect.any(String) });
    expect(second).toMatchObject({ limit: 1, nextCursor: null });
    const courses = [...first.items, ...second.items].map((item) => item.course);
    expect(courses).toEqual(expect.arrayContaining([{ ...course, state: 'archived', version: 2 }, other]));
  });
});

describe('RemoveRecommendationUseCase', () => {
  it('given its coach, then the recommendation is gone; anyone else is refused, and another tenant does not find it', async () => {
    const { t, coachId, menteeId, recommend } = await setUp();
    const id = (await recommend()).recommended[0]?.recommendation.id as string;

    for (const userId of [menteeId, newId(), null]) {
      await expect(t.removeRecommendation.execute({ tenantId: TENANT, id, userId })).rejects.toBeInstanceOf(
        RecommendationRemovalForbiddenError,
      );
    }
    await expect(
      t.removeRecommendation.execute({ tenantId: OTHER_TENANT, id, userId: coachId }),
    ).rejects.toBeInstanceOf(RecommendationNotFoundError);

    await t.removeRecommendation.execute({ tenantId: TENANT, id, userId: coachId });

    expect(await t.recommendations.findById(TENANT, id)).toBeNull();
    await expect(
      t.removeRecommendation.execute({ tenantId: TENANT, id, userId: coachId }),
    ).rejects.toBeInstanceOf(RecommendationNotFoundError);
  });
});

describe('recommendation events (CO-W4)', () => {
  it('given courses recommended, then each one stored now is written with its recommendation.created, full state and title; a repeat writes nothing', async () => {
    const { t, coachId, menteeId, course, other, recommend } = await setUp();

    const { recommended } = await recommend({ note: 'Before Thursday.' });
    await recommend();

    expect(t.recommendations.published.map((entry) => entry.envelope)).toEqual([
      expect.objectContaining({
        type: 'recommendation.created',
        tenantId: TENANT,
        aggregateId: recommended[0]?.recommendation.id,
        aggregateVersion: 1,
        occurredAt: t.clock.now().toISOString(),
        payload: {
          recommendationId: recommended[0]?.recommendation.id,
          menteeId,
          coachId,
          courseId: course.courseId,
          courseTitle: 'Negotiation',
          note: 'Before Thursday.',
          createdAt: t.clock.now().toISOString(),
        },
      }),
      expect.objectContaining({
        type: 'recommendation.created',
        aggregateId: recommended[1]?.recommendation.id,
        payload: expect.objectContaining({ courseId: other.courseId }),
      }),
    ]);
    expect(t.recommendations.published.map((entry) => entry.key)).toEqual(
      recommended.map(({ recommendation }) => `${TENANT}:${recommendation.id}`),
    );
  });

  it('given a recommendation removed, then recommendation.removed is written at the next version; recommended again, it is live anew at the one after', async () => {
    const { t, coachId, course, recommend } = await setUp();
    const id = (await recommend({ courseIds: [course.courseId], note: 'First' })).recommended[0]
      ?.recommendation.id as string;
    t.clock.advance(60_000);

    await t.removeRecommendation.execute({ tenantId: TENANT, id, userId: coachId });
    t.clock.advance(60_000);
    const again = await recommend({ courseIds: [course.courseId], note: 'Second' });

    expect(again.created).toBe(true);
    expect(again.recommended[0]?.recommendation).toMatchObject({
      id,
      note: 'Second',
      createdAt: t.clock.now(),
      removedAt: null,
      version: 3,
    });
    const [created, removed, madeAgain] = t.recommendations.published.map((entry) => entry.envelope);
    expect(created).toMatchObject({ type: 'recommendation.created', aggregateVersion: 1 });
    expect(removed).toMatchObject({
      type: 'recommendation.removed',
      aggregateId: id,
      aggregateVersion: 2,
      payload: { recommendationId: id, note: 'First', removedAt: '2025-03-10T09:01:00.000Z' },
    });
    expect(madeAgain).toMatchObject({
      type: 'recommendation.created',
      aggregateVersion: 3,
      payload: { note: 'Second', createdAt: '2025-03-10T09:02:00.000Z' },
    });
    expect(await t.recommendations.findById(TENANT, id)).toMatchObject({ version: 3 });
  });
});

describe("the mentee's enrollment beside each recommendation (CO-W4)", () => {
  it("given learning's enrollment events, then the coach's and the mentee's lists show the state of the mentee's live enrollment, null when there is none", async () => {
    const { t, coachId, menteeId, course, other, recommend } = await setUp();
    await recommend();
    const enrollment = { enrollmentId: newId(), userId: menteeId, courseId: course.courseId };
    await t.applyEnrollmentEvents.execute([
      anEnrollmentChange(TENANT, enrollment, 1, 'enrolled'),
      anEnrollmentChange(TENANT, enrollment, 3, 'completed'),
      // Another learner's enrollment in the other course, and the mentee's own one unenrolled.
      anEnrollmentChange(TENANT, { userId: newId(), courseId: other.courseId }, 1, 'in_progress'),
      anEnrollmentChange(TENANT, { userId: menteeId, courseId: other.courseId }, 2, 'enrolled', false),
    ]);

    const states = async (actor: RecommendationActor, asked?: string) =>
      Object.fromEntries(
        (await t.listRecommendations.execute({ actor, menteeId: asked, page: PAGE })).items.map((item) => [
          item.course?.title ?? item.recommendation.courseId,
          RecommendationResponseDto.from(item).enrollmentState,
        ]),
      );

    const expected = { Negotiation: 'completed', [other.title]: null };
    expect(await states(aUser(coachId))).toEqual(expected);
    expect(await states(aUser(menteeId), menteeId)).toEqual(expected);
  });
});
