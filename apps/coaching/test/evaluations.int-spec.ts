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

interface EvaluationBody {
  id: string;
  menteeId: string;
  authorId: string;
  skill: string;
  score: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface PageBody<T> {
  items: T[];
  limit: number;
  nextCursor: string | null;
}

/** A signed-in user of the tenant: a plain user unless given administrative roles. */
function aUser(tenantId: string, roles: string[] = []): Principal & { userId: string } {
  return { tenantId, userId: newId(), level: 'user', roles };
}

/**
 * Expertise evaluations and coaching sessions over HTTP (CO-W3), against the real database: the
 * mentee's coach writes them, the mentee reads those about itself, administrators read them all
 * and write none, strangers get nothing, and another tenant's record is not found.
 */
describe('evaluations and coaching sessions of a mentee (real Mongo)', () => {
  const tenantId = `coaching-evaluations-${uniqueSuffix()}`;
  const [mentee, coach, stranger, otherMentee] = [
    aUser(tenantId),
    aUser(tenantId),
    aUser(tenantId),
    aUser(tenantId),
  ];
  const administrator = aUser(tenantId, ['application_admin']);
  let service: ServiceTestApp;
  let assignment: Assignment;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    // The default caller is a superadmin of the tenant.
    service = await startServiceApp(AppModule, {
      globalPrefix: 'v1',
      withConsumers: false,
      caller: { tenantId },
    });
    const now = new Date();
    assignment = newIndividualAssignment(
      {
        tenantId,
        menteeId: mentee.userId,
        coachIds: [coach.userId],
        groupId: null,
        dates: { startDate: calendarDateOf(now), endDate: null },
      },
      { id: newId(now), now, today: calendarDateOf(now) },
    );
    await service.app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY).insert({ assignment, outbox: [] });
  });

  afterAll(async () => {
    await service?.close();
  });

  const evaluate = (body: Record<string, unknown>, as: Principal = coach) =>
    service.request('POST', '/v1/evaluations', body, { as });

  it('given a current assignment, when the coach evaluates its mentee, then the mentee reads it, the coach edits it at the version read, and deletes it for good', async () => {
    const created = await evaluate({ menteeId: mentee.userId, skill: '  Handling objections ', score: 3 });
    expect(created).toMatchObject({
      status: 201,
      body: {
        menteeId: mentee.userId,
        authorId: coach.userId,
        skill: 'Handling objections',
        score: 3,
        comment: null,
        version: 1,
      },
    });
    const evaluation = created.body as EvaluationBody;
    expect(Object.keys(evaluation).sort()).toEqual(
      ['authorId', 'comment', 'createdAt', 'id', 'menteeId', 'score', 'skill', 'updatedAt', 'version'].sort(),
    );
    const url = `/v1/evaluations/${evaluation.id}`;

    const read = await service.request('GET', url, undefined, { as: mentee });
    expect(read).toMatchObject({ status: 200, body: evaluation });
    expect(read.headers.etag).toBe('"1"');
    const listed = await service.request('GET', `/v1/evaluations?menteeId=${mentee.userId}`, undefined, {
      as: coach,
    });
    expect((listed.body as PageBody<EvaluationBody>).items).toEqual([evaluation]);

    const edited = await service.request(
      'PATCH',
      url,
      { score: 4, comment: 'Calmer since March.' },
      {
        as: coach,
        headers: { 'if-match': '"1"' },
      },
    );
    expect(edited).toMatchObject({
      status: 200,
      body: {
        id: evaluation.id,
        skill: 'Handling objections',
        score: 4,
        comment: 'Calmer since March.',
        version: 2,
      },
    });
    expect(
      await service.request('PATCH', url, { score: 1 }, { as: coach, headers: { 'if-match': '"1"' } }),
    ).toMatchObject({ status: 412, body: { code: 'REQUEST.STALE_VERSION' } });
    expect(
      await service.request('DELETE', url, undefined, { as: coach, headers: { 'if-match': '"1"' } }),
    ).toMatchObject({ status: 412, body: { code: 'REQUEST.STALE_VERSION' } });

    expect(
      await service.request('DELETE', url, undefined, { as: coach, headers: { 'if-match': '"2"' } }),
    ).toMatchObject({
      status: 204,
    });
    expect(await service.request('GET', url, undefined, { as: mentee })).toMatchObject({
      status: 404,
      body: { code: 'EVALUATION.NOT_FOUND' },
    });
  });

  it('given a coaching session recorded by the coach, then its outcome is written later and the mentee lists it', async () => {
    const created = await service.request(
      'POST',
      '/v1/coaching-sessions',
      { menteeId: mentee.userId, date: '2025-03-14', notes: 'Two recorded calls.' },
      { as: coach },
    );
    expect(created).toMatchObject({
      status: 201,
      body: {
        menteeId: mentee.userId,
        authorId: coach.userId,
        date: '2025-03-14',
        notes: 'Two recorded calls.',
        outcome: null,
        version: 1,
      },
    });
    const { id } = created.body as { id: string };

    const edited = await service.request(
      'PATCH',
      `/v1/coaching-sessions/${id}`,
      { outcome: 'Uses the new opening.' },
      { as: coach },
    );
    expect(edited).toMatchObject({ status: 200, body: { outcome: 'Uses the new opening.', version: 2 } });
    const listed = await service.request('GET', '/v1/coaching-sessions', undefined, { as: mentee });
    expect(listed).toMatchObject({ status: 200, body: { items: [edited.body], nextCursor: null } });
    // A session is not an evaluation.
    expect(await service.request('GET', `/v1/evaluations/${id}`, undefined, { as: mentee })).toMatchObject({
      status: 404,
      body: { code: 'EVALUATION.NOT_FOUND' },
    });
  });

  it('given a retry of a creation with the same Idempotency-Key, then it is written once', async () => {
    const key = `evaluation-retry-${newId()}`;
    const body = { menteeId: mentee.userId, skill: 'Retried', score: 2 };
    const once = await service.request('POST', '/v1/evaluations', body, {
      as: coach,
      headers: { 'idempotency-key': key },
    });
    const again = await service.request('POST', '/v1/evaluations', body, {
      as: coach,
      headers: { 'idempotency-key': key },
    });

    expect(once.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: once.body });
    const listed = await service.request('GET', `/v1/evaluations?authorId=${coach.userId}`, undefined, {
      as: coach,
    });
    expect((listed.body as PageBody<EvaluationBody>).items.filter((e) => e.skill === 'Retried')).toHaveLength(
      1,
    );
  });

  it('given an administrator, then it reads every record of the tenant but creating, editing or deleting one is refused with its own code', async () => {
    const evaluation = (await evaluate({ menteeId: mentee.userId, skill: 'Listening', score: 5 }))
      .body as EvaluationBody;
    const url = `/v1/evaluations/${evaluation.id}`;

    // Undefined: the service's default caller, a superadmin of the tenant.
    for (const caller of [administrator, undefined]) {
      const as = caller ? { as: caller } : {};
      expect(await service.request('GET', url, undefined, as)).toMatchObject({
        status: 200,
        body: evaluation,
      });
      const listed = await service.request('GET', `/v1/evaluations?menteeId=${mentee.userId}`, undefined, as);
      expect((listed.body as PageBody<EvaluationBody>).items).toContainEqual(evaluation);
      for (const [method, path, body] of [
        ['POST', '/v1/evaluations', { menteeId: mentee.userId, skill: 'Listening', score: 1 }],
        ['PATCH', url, { score: 1 }],
        ['DELETE', url, undefined],
      ] as const) {
        expect(await service.request(method, path, body, as)).toMatchObject({
          status: 403,
          body: { code: 'EVALUATION.ADMINISTRATOR_READ_ONLY' },
        });
      }
      expect(
        await service.request(
          'POST',
          '/v1/coaching-sessions',
          { menteeId: mentee.userId, date: '2025-03-14', notes: 'n' },
          as,
        ),
      ).toMatchObject({ status: 403, body: { code: 'COACHING_SESSION.ADMINISTRATOR_READ_ONLY' } });
    }
    expect(await service.request('GET', url, undefined, { as: mentee })).toMatchObject({ body: evaluation });
  });

  it('given a stranger or another mentee, then they neither write nor read, and lists leave out what is not theirs', async () => {
    const evaluation = (await evaluate({ menteeId: mentee.userId, skill: 'Pricing', score: 2 }))
      .body as EvaluationBody;
    const url = `/v1/evaluations/${evaluation.id}`;

    for (const caller of [stranger, otherMentee]) {
      for (const [method, path, body] of [
        ['POST', '/v1/evaluations', { menteeId: mentee.userId, skill: 'Pricing', score: 1 }],
        ['GET', url, undefined],
        ['PATCH', url, { score: 1 }],
        ['DELETE', url, undefined],
      ] as const) {
        expect(await service.request(method, path, body, { as: caller })).toMatchObject({
          status: 403,
          body: { code: 'EVALUATION.FORBIDDEN' },
        });
      }
      for (const query of ['', `?menteeId=${mentee.userId}`]) {
        const listed = await service.request('GET', `/v1/evaluations${query}`, undefined, { as: caller });
        expect(listed).toMatchObject({ status: 200, body: { items: [] } });
      }
    }
    expect(await service.request('GET', url, undefined, { as: mentee })).toMatchObject({ body: evaluation });
  });

  it("given another tenant's caller, its administrator included, then the record is not found", async () => {
    const evaluation = (await evaluate({ menteeId: mentee.userId, skill: 'Follow-up', score: 4 }))
      .body as EvaluationBody;
    const url = `/v1/evaluations/${evaluation.id}`;

    for (const caller of [
      { ...coach, tenantId: `${tenantId}-other` },
      aUser(`${tenantId}-other`, ['application_admin']),
    ]) {
      for (const [method, body] of [
        ['GET', undefined],
        ['PATCH', { score: 1 }],
        ['DELETE', undefined],
      ] as const) {
        expect(await service.request(method, url, body, { as: caller })).toMatchObject({
          status: 404,
          body: { code: 'EVALUATION.NOT_FOUND' },
        });
      }
    }
    expect(await service.request('GET', url, undefined, { as: mentee })).toMatchObject({
      status: 200,
      body: evaluation,
    });
  });

  it('given a body breaking the rules or naming its own author, then it is refused and nothing is written', async () => {
    const count = async () =>
      (
        (await service.request('GET', '/v1/evaluations', undefined, { as: coach }))
          .body as PageBody<EvaluationBody>
      ).items.length;
    const before = await count();
    for (const body of [
      {},
      { menteeId: mentee.userId, skill: ' ', score: 3 },
      { menteeId: mentee.userId, skill: 'Closing', score: 6 },
      { menteeId: mentee.userId, skill: 'Closing', score: 2.5 },
      { menteeId: mentee.userId, skill: 'Closing', score: 3, authorId: stranger.userId },
      { menteeId: 'not-a-user', skill: 'Closing', score: 3 },
    ]) {
      expect(await evaluate(body)).toMatchObject({
        status: 400,
        body: { code: 'REQUEST.VALIDATION_FAILED' },
      });
    }
    for (const date of ['2025-02-30', '14/03/2025', undefined]) {
      expect(
        await service.request(
          'POST',
          '/v1/coaching-sessions',
          { menteeId: mentee.userId, date, notes: 'n' },
          { as: coach },
        ),
      ).toMatchObject({ status: 400, body: { code: 'REQUEST.VALIDATION_FAILED' } });
    }
    expect(await count()).toBe(before);
  });

  it('given the assignment has ended, then its former coach writes no more but still reads what it wrote', async () => {
    const evaluation = (await evaluate({ menteeId: mentee.userId, skill: 'Closing', score: 3 }))
      .body as EvaluationBody;
    expect(await service.request('POST', `/v1/assignments/${assignment.id}/end`)).toMatchObject({
      status: 200,
    });

    expect(await evaluate({ menteeId: mentee.userId, skill: 'Closing', score: 4 })).toMatchObject({
      status: 403,
      body: { code: 'EVALUATION.FORBIDDEN' },
    });
    expect(
      await service.request('PATCH', `/v1/evaluations/${evaluation.id}`, { score: 4 }, { as: coach }),
    ).toMatchObject({ status: 403, body: { code: 'EVALUATION.FORBIDDEN' } });
    expect(
      await service.request('GET', `/v1/evaluations/${evaluation.id}`, undefined, { as: coach }),
    ).toMatchObject({
      status: 200,
      body: evaluation,
    });
  });
});
