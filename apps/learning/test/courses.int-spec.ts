import type { Connection } from 'mongoose';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { uniqueSuffix } from '@lms/testing';

interface CoursePage {
  items: Array<{
    id: string;
    title: string;
    kind: string;
    state: string;
    createdAt: string;
    version: number;
  }>;
  limit: number;
  nextCursor: string | null;
}

/** The learning service against the real broker and database, through its HTTP routes. */
describe('learning service', () => {
  isolateTestEnvironment('learning');
  const tenantId = `learning-it-${uniqueSuffix()}`;
  let service: ServiceTestApp;

  beforeAll(async () => {
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { caller: { tenantId } });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('starts and reports itself ready, database and consumers included', async () => {
    const ready = await service.request('GET', '/health/ready');

    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { mongodb: 'up', 'kafka-consumer': 'up' } });
  });

  it('lists no course while the catalogue is empty', async () => {
    const response = await service.request('GET', '/v1/courses');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], limit: 50, nextCursor: null });
  });

  it("lists the caller's tenant's courses from the database, a page at a time", async () => {
    const connection = service.app.get<Connection>(MONGO_CONNECTION);
    const createdAt = new Date('2026-03-02T09:00:00.000Z');
    const course = (id: string, tenant: string) => ({
      _id: id,
      tenantId: tenant,
      title: `Course ${id}`,
      kind: 'elearning',
      state: 'published',
      createdAt,
      updatedAt: createdAt,
      version: 1,
      outbox: [],
    });
    await connection
      .collection('courses')
      .insertMany([
        course('01900000-0000-7000-8000-000000000001', tenantId),
        course('01900000-0000-7000-8000-000000000002', tenantId),
        course('01900000-0000-7000-8000-000000000003', 'another-tenant'),
      ] as never[]);

    const first = await service.request('GET', '/v1/courses?limit=1');
    const second = await service.request(
      'GET',
      `/v1/courses?limit=1&cursor=${(first.body as CoursePage).nextCursor ?? ''}`,
    );

    expect(first.body).toEqual({
      items: [
        {
          id: '01900000-0000-7000-8000-000000000001',
          title: 'Course 01900000-0000-7000-8000-000000000001',
          kind: 'elearning',
          state: 'published',
          createdAt: '2026-03-02T09:00:00.000Z',
          version: 1,
        },
      ],
      limit: 1,
      nextCursor: expect.any(String),
    });
    expect((second.body as CoursePage).items.map((c) => c.id)).toEqual([
      '01900000-0000-7000-8000-000000000002',
    ]);
    expect(second.body).toMatchObject({ limit: 1, nextCursor: null });
  });

  it('refuses a page size over the limit with 400 problem+json', async () => {
    const response = await service.request('GET', '/v1/courses?limit=500');

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
  });
});
