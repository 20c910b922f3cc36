import { newId } from '@lms/kernel';
import type { Principal } from '@lms/service-kit';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { uniqueSuffix } from '@lms/testing';
import type { Assignment } from '../src/assignments/domain/assignment';
import { newIndividualAssignment } from '../src/assignments/domain/assignment-lifecycle';
import { calendarDateOf } from '../src/assignments/domain/calendar-date';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';
import type { CatalogCourseChange } from '../src/courses/domain/catalog-course';
import {
  CATALOG_COURSE_REPOSITORY,
  type CatalogCourseRepository,
} from '../src/courses/ports/catalog-course.repository';

interface RecommendationBody {
  id: string;
  coachId: string;
  menteeId: string;
  courseId: string;
  courseTitle: string | null;
  courseKind: string | null;
  courseState: string | null;
  note: string | null;
  createdAt: string;
  enrollmentState: string | null;
}

interface PageBody {
  items: RecommendationBody[];
  limit: number;
  nextCursor: string | null;
}

/** A signed-in user of the tenant: a plain user unless given administrative roles. */
function aUser(tenantId: string, roles: string[] = []): Principal & { userId: string } {
  return { tenantId, userId: newId(), level: 'user', roles };
}

/**
 * Course recommendations over HTTP (CO-W4), against the real database: a coach recommends
 * published courses of the catalog's copy to a mentee it coaches now, once each; the mentee,
 * the coach and an administrator list them; only the coach takes one back.
 */
describe('course recommendations from a coach to its mentee (real Mongo)', () => {
  const tenantId = `coaching-recommendations-${uniqueSuffix()}`;
  const [mentee, coach, otherCoach, stranger] = [
    aUser(tenantId),
    aUser(tenantId),
    aUser(tenantId),
    aUser(tenantId),
  ];
  const administrator = aUser(tenantId, ['application_admin']);
  let service: ServiceTestApp;
  let assignments: AssignmentRepository;
  const course = (title: string, overrides: Partial<CatalogCourseChange> = {}): CatalogCourseChange => ({
    tenantId,
    courseId: newId(),
    title,
    kind: 'elearning',
    state: 'published',
    version: 1,
    updatedAt: new Date(),
    ...overrides,
  });
  const [negotiation, safety, leadership] = [
    course('Negotiation'),
    course('Safety at work', { kind: 'ilt' }),
    course('Leadership'),
  ];
  const [draft, archived] = [course('Draft', { state: 'draft' }), course('Old', { state: 'archived' })];

  /** A current, active individual assignment of the tenant, as an administrator makes it. */
  async function givenAssignment(menteeId: string, coachIds: string[]): Promise<Assignment> {
    const now = new Date();
    const assignment = newIndividualAssignment(
      {
        tenantId,
        menteeId,
        coachIds,
        groupId: null,
        dates: { startDate: calendarDateOf(now), endDate: null },
      },
      { id: newId(now), now, today: calendarDateOf(now) },
    );
    await assignments.insert({ assignment, outbox: [] });
    return assignment;
  }

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    // The default caller is a superadmin of the tenant: it ends an assignment below.
    service = await startServiceApp(AppModule, {
      globalPrefix: 'v1',
      withConsumers: false,
      caller: { tenantId },
    });
    assignments = service.app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY);
    await givenAssignment(mentee.userId, [coach.userId]);
    await givenAssignment(mentee.userId, [otherCoach.userId]);
    await service.app
      .get<CatalogCourseRepository>(CATALOG_COURSE_REPOSITORY)
      .applyMany([negotiation, safety, leadership, draft, archived]);
  });

  afterAll(async () => {
    await service?.close();
  });

  const recommend = (
    as: Principal | undefined,
    body: { menteeId?: string; courseIds?: unknown; note?: unknown } & Record<string, unknown>,
    headers?: Record<string, string>,
  ) => service.request('POST', '/v1/recommendations', body, { ...(as ? { as } : {}), headers });
  const list = (as: Principal | undefined, query = '') =>
    service.request('GET', `/v1/recommendations${query}`, undefined, as ? { as } : {});
  const mine = (as: Principal) => service.request('GET', '/v1/me/recommendations', undefined, { as });

  it('given a coach of the mentee, when it recommends courses, then they are stored once each, and recommending them again answers 200 with the same ones', async () => {
    const made = await recommend(coach, {
      menteeId: mentee.userId,
      courseIds: [negotiation.courseId, safety.courseId],
      note: '  Before our next session.  ',
    });

    expect(made).toMatchObject({ status: 201 });
    const items = (made.body as { items: RecommendationBody[] }).items;
    expect(items).toEqual([
      {
        id: expect.any(String),
        coachId: coach.userId,
        menteeId: mentee.userId,
        courseId: negotiation.courseId,
        courseTitle: 'Negotiation',
        courseKind: 'elearning',
        courseState: 'published',
        note: 'Before our next session.',
        createdAt: expect.any(String),
        enrollmentState: null,
      },
      expect.objectContaining({
        courseId: safety.courseId,
        courseTitle: 'Safety at work',
        courseKind: 'ilt',
      }),
    ]);

    const again = await recommend(coach, {
      menteeId: mentee.userId,
      courseIds: [safety.courseId, negotiation.courseId],
      note: 'Another note',
    });
    expect(again).toMatchObject({ status: 200, body: { items: [items[1], items[0]] } });
    const listed = await list(coach, `?menteeId=${mentee.userId}`);
    expect((listed.body as PageBody).items.map((r) => r.courseId).sort()).toEqual(
      [negotiation.courseId, safety.courseId].sort(),
    );
  });

  it('given a retry with the same Idempotency-Key, then the first answer is repeated and one recommendation is stored', async () => {
    const key = `recommendation-retry-${newId()}`;
    const body = { menteeId: mentee.userId, courseIds: [leadership.courseId] };
    const once = await recommend(otherCoach, body, { 'idempotency-key': key });
    const retried = await recommend(otherCoach, body, { 'idempotency-key': key });

    expect(once.status).toBe(201);
    expect(retried).toMatchObject({ status: 201, body: once.body as object });
    const listed = (await list(otherCoach)).body as PageBody;
    expect(listed.items.filter((r) => r.courseId === leadership.courseId)).toHaveLength(1);

    // A first answer of 200 (nothing new stored) is repeated as 200, not as the route's 201.
    const nothingNewKey = `recommendation-retry-${newId()}`;
    const nothingNew = await recommend(otherCoach, body, { 'idempotency-key': nothingNewKey });
    const nothingNewAgain = await recommend(otherCoach, body, { 'idempotency-key': nothingNewKey });
    expect(nothingNew.status).toBe(200);
    expect(nothingNewAgain).toMatchObject({ status: 200, body: nothingNew.body as object });
  });

  it('given recommendations of two coaches, then the mentee sees all made to it, each coach its own, an administrator all, a stranger none, a page at a time', async () => {
    const toMentee = (await mine(mentee)).body as PageBody;
    // Newest first; the two of one request share their instant, in an order of their own.
    const [newest, ...sameInstant] = toMentee.items;
    expect(newest).toMatchObject({ courseTitle: 'Leadership', coachId: otherCoach.userId });
    expect(sameInstant.map((r) => `${r.courseTitle} by ${r.coachId}`).sort()).toEqual([
      `Negotiation by ${coach.userId}`,
      `Safety at work by ${coach.userId}`,
    ]);
    expect((await list(mentee, `?menteeId=${mentee.userId}`)).body).toEqual(toMentee);

    expect(((await list(coach)).body as PageBody).items).toEqual(sameInstant);
    expect(((await list(otherCoach, `?menteeId=${mentee.userId}`)).body as PageBody).items).toHaveLength(1);
    for (const admin of [administrator, undefined]) {
      expect(((await list(admin)).body as PageBody).items).toEqual(toMentee.items);
    }
    expect((await list(stranger, `?menteeId=${mentee.userId}`)).body).toEqual({
      items: [],
      limit: 50,
      nextCursor: null,
    });
    expect(((await mine(coach)).body as PageBody).items).toEqual([]);

    const first = await service.request('GET', '/v1/me/recommendations?limit=2', undefined, { as: mentee });
    const next = (first.body as PageBody).nextCursor;
    const second = await service.request('GET', `/v1/me/recommendations?limit=2&cursor=${next}`, undefined, {
      as: mentee,
    });
    expect(first.body).toEqual({
      items: toMentee.items.slice(0, 2),
      limit: 2,
      nextCursor: expect.any(String),
    });
    expect(second.body).toEqual({ items: toMentee.items.slice(2), limit: 2, nextCursor: null });
  });

  it('given a caller who does not coach the mentee now, an administrator included, then it is refused and nothing is stored', async () => {
    const ended = aUser(tenantId);
    const assignment = await givenAssignment(newId(), [ended.userId]);
    expect(await service.request('POST', `/v1/assignments/${assignment.id}/end`)).toMatchObject({
      status: 200,
    });
    const elsewhere = { ...coach, tenantId: `${tenantId}-other` };

    for (const [as, menteeId] of [
      [stranger, mentee.userId],
      [administrator, mentee.userId],
      [undefined, mentee.userId],
      [mentee, mentee.userId],
      [ended, assignment.menteeId],
      [elsewhere, mentee.userId],
    ] as const) {
      expect(await recommend(as, { menteeId, courseIds: [negotiation.courseId] })).toMatchObject({
        status: 403,
        body: { code: 'RECOMMENDATION.FORBIDDEN' },
      });
    }
    expect(((await list(administrator, `?menteeId=${assignment.menteeId}`)).body as PageBody).items).toEqual(
      [],
    );
  });

  it('given a course unknown, in draft or archived, then the request is refused naming each, and nothing of it is stored', async () => {
    const before = ((await mine(mentee)).body as PageBody).items;
    const unknown = newId();

    const refused = await recommend(coach, {
      menteeId: mentee.userId,
      courseIds: [leadership.courseId, unknown, draft.courseId, archived.courseId],
    });

    expect(refused).toMatchObject({
      status: 422,
      body: {
        code: 'RECOMMENDATION.COURSES_UNAVAILABLE',
        courses: [
          { courseId: unknown, reason: 'unknown' },
          { courseId: draft.courseId, reason: 'draft' },
          { courseId: archived.courseId, reason: 'archived' },
        ],
      },
    });
    expect(((await mine(mentee)).body as PageBody).items).toEqual(before);
  });

  it('given a body without courses, with too many or repeated ones, a bad mentee id, a note too long or an unknown field, then it is refused as invalid', async () => {
    const before = ((await mine(mentee)).body as PageBody).items;
    const menteeId = mentee.userId;
    for (const body of [
      { menteeId },
      { menteeId, courseIds: [] },
      { menteeId, courseIds: Array.from({ length: 51 }, () => newId()) },
      { menteeId, courseIds: [negotiation.courseId, negotiation.courseId] },
      { menteeId, courseIds: [''] },
      { menteeId: 'not-a-uuid', courseIds: [negotiation.courseId] },
      { menteeId, courseIds: [leadership.courseId], note: 'x'.repeat(1001) },
      { menteeId, courseIds: [leadership.courseId], coachId: stranger.userId },
    ]) {
      expect(await recommend(coach, body)).toMatchObject({
        status: 400,
        body: { code: 'REQUEST.VALIDATION_FAILED' },
      });
    }
    expect(((await mine(mentee)).body as PageBody).items).toEqual(before);
    expect(await list(coach, '?menteeId=not-a-uuid')).toMatchObject({ status: 400 });
  });

  it('given a recommendation, then only its coach takes it back; another tenant does not find it', async () => {
    const made = await recommend(coach, { menteeId: mentee.userId, courseIds: [leadership.courseId] });
    const id = ((made.body as { items: RecommendationBody[] }).items[0] as RecommendationBody).id;
    const path = `/v1/recommendations/${id}`;

    for (const as of [mentee, otherCoach, administrator]) {
      expect(await service.request('DELETE', path, undefined, { as })).toMatchObject({
        status: 403,
        body: { code: 'RECOMMENDATION.FORBIDDEN' },
      });
    }
    for (const as of [{ ...coach, tenantId: `${tenantId}-other` }, coach]) {
      const missing = await service.request('DELETE', `/v1/recommendations/${newId()}`, undefined, { as });
      expect(missing).toMatchObject({ status: 404, body: { code: 'RECOMMENDATION.NOT_FOUND' } });
    }
    expect(
      await service.request('DELETE', path, undefined, { as: { ...coach, tenantId: `${tenantId}-other` } }),
    ).toMatchObject({ status: 404, body: { code: 'RECOMMENDATION.NOT_FOUND' } });

    expect(await service.request('DELETE', path, undefined, { as: coach })).toMatchObject({ status: 204 });

    expect(((await list(coach)).body as PageBody).items.map((r) => r.id)).not.toContain(id);
    expect(await service.request('DELETE', path, undefined, { as: coach })).toMatchObject({
      status: 404,
      body: { code: 'RECOMMENDATION.NOT_FOUND' },
    });
  });
});
