import { newId } from '@lms/kernel';
import { uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

/** The HTTP contract of group assignments and assignments: status codes, problem codes, tenant. */
describe('coaching HTTP API', () => {
  const tenantId = `coaching-http-${uniqueSuffix()}`;
  let service: ServiceTestApp;

  beforeAll(async () => {
    isolateTestEnvironment('coaching');
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, {
      globalPrefix: 'v1',
      withConsumers: false,
      caller: { tenantId },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const valid = () => ({ groupId: newId(), roles: ['learner'], coachIds: [newId()] });

  it('creates a group assignment starting today by default, and reads it back and in its group’s list', async () => {
    const body = valid();
    const today = new Date().toISOString().slice(0, 10);

    const created = await service.request('POST', '/v1/group-assignments', body);

    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(created.body).toMatchObject({
      ...body,
      startDate: today,
      endDate: null,
      status: 'current',
      version: 1,
    });
    expect(created.body).not.toHaveProperty('tenantId');
    const read = await service.request('GET', `/v1/group-assignments/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, fanOut: { status: 'pending', processed: 0 } });
    const list = await service.request('GET', `/v1/group-assignments?groupId=${body.groupId}`);
    expect(list.body).toMatchObject({ items: [{ id }], limit: 50, nextCursor: null });
  });

  it('refuses an end date before the start date with 422 ASSIGNMENT.DATES_INVALID', async () => {
    const response = await service.request('POST', '/v1/group-assignments', {
      ...valid(),
      startDate: '2025-05-02',
      endDate: '2025-05-01',
    });

    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((response.body as Problem).code).toBe('ASSIGNMENT.DATES_INVALID');
  });

  it.each([
    ['no roles', { roles: [] }, 'roles'],
    ['an unknown role', { roles: ['pilot'] }, 'roles'],
    ['a repeated role', { roles: ['learner', 'learner'] }, 'roles'],
    ['no coaches', { coachIds: [] }, 'coachIds'],
    ['a coach that is not a UUID', { coachIds: ['bob'] }, 'coachIds'],
    [
      'a repeated coach',
      { coachIds: ['0195792b-0000-7000-8000-0000000000c1', '0195792b-0000-7000-8000-0000000000c1'] },
      'coachIds',
    ],
    ['an impossible day', { startDate: '2025-02-30' }, 'startDate'],
    ['a date-time instead of a day', { endDate: '2025-03-01T00:00:00Z' }, 'endDate'],
    ['a tenant in the body', { tenantId: 'someone-else' }, 'tenantId'],
  ])('refuses %s with 400 REQUEST.VALIDATION_FAILED', async (_case, change, field) => {
    const response = await service.request('POST', '/v1/group-assignments', { ...valid(), ...change });

    expect(response.status).toBe(400);
    const problem = response.body as Problem;
    expect(problem.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers 404 with stable codes for unknown ids, 400 for ids that are not UUIDs', async () => {
    const missingGa = await service.request('GET', `/v1/group-assignments/${newId()}`);
    const missingA = await service.request('GET', `/v1/assignments/${newId()}`);
    const notAnId = await service.request('GET', '/v1/assignments/not-an-id');

    expect([missingGa.status, (missingGa.body as Problem).code]).toEqual([404, 'GROUP_ASSIGNMENT.NOT_FOUND']);
    expect([missingA.status, (missingA.body as Problem).code]).toEqual([404, 'ASSIGNMENT.NOT_FOUND']);
    expect([notAnId.status, (notAnId.body as Problem).code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
  });

  it('answers 401 without a token or with one it cannot verify, and 404 to another tenant for what it holds', async () => {
    const created = await service.request('POST', '/v1/group-assignments', valid());
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;

    const anonymous = await service.request('GET', `/v1/group-assignments/${id}`, undefined, { as: null });
    const stranger = {
      tenantId: `other-${tenantId}`,
      userId: 'stranger',
      level: 'superadmin',
      roles: ['application_admin'],
    };
    const otherTenant = await service.request('GET', `/v1/group-assignments/${id}`, undefined, {
      as: stranger,
    });
    const forged = await service.app.inject({
      method: 'GET',
      url: `/v1/group-assignments/${id}`,
      headers: { authorization: `Bearer ${(await service.tokenFor(stranger)).slice(0, -4)}AAAA` },
    });

    expect([anonymous.status, (anonymous.body as Problem).code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    expect([otherTenant.status, (otherTenant.body as Problem).code]).toEqual([
      404,
      'GROUP_ASSIGNMENT.NOT_FOUND',
    ]);
    expect(forged.statusCode).toBe(401);
    expect((await service.request('GET', '/health/ready', undefined, { as: null })).status).toBe(200);
  });

  it('bounds list pages at 200 and validates filters', async () => {
    const ok = await service.request('GET', `/v1/assignments?coachId=${newId()}&status=current&limit=200`);
    const tooMany = await service.request('GET', '/v1/assignments?limit=201');
    const badStatus = await service.request('GET', '/v1/assignments?status=paused');
    const unknownFilter = await service.request('GET', '/v1/assignments?tenantId=x');
    const strangeCursor = await service.request('GET', '/v1/assignments?cursor=abc');

    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ items: [], limit: 200, nextCursor: null });
    expect([tooMany.status, badStatus.status, unknownFilter.status]).toEqual([400, 400, 400]);
    expect([strangeCursor.status, (strangeCursor.body as Problem).code]).toEqual([
      400,
      'PAGE.CURSOR_INVALID',
    ]);
  });
});
