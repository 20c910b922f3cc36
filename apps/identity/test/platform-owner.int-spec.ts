import { TenantsStream } from '@lms/contracts';
import type { Principal } from '@lms/service-kit';
import {
  expectProblem,
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
  type TestResponse,
} from '@lms/service-testing';
import { eventually, uniqueSuffix } from '@lms/testing';
import { HOST_ADMINISTRATOR_ID, HOST_TENANT_CODE } from '../src/tenants/domain/tenant';
import { startIdentity } from './support/identity-app';

isolateTestEnvironment('identity');

/**
 * The Platform Owner (ID-G5) over HTTP, against the real broker and database: the host tenant
 * is owned by its first System Administrator, who hands the ownership to a plain user; that
 * user becomes an Application Administrator, `tenant.updated` carries it, and the former owner
 * can no longer hand it on.
 */
describe('identity service: the Platform Owner, with real Kafka and Mongo', () => {
  const owner: Principal = {
    tenantId: HOST_TENANT_CODE,
    userId: HOST_ADMINISTRATOR_ID,
    level: 'user',
    roles: ['system_admin'],
  };
  let service: ServiceTestApp;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity(owner);
    recorder = await recordStreams([TenantsStream], `identity-owner-it-${uniqueSuffix()}`);
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  function call(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    as: Principal = owner,
  ): Promise<TestResponse> {
    return service.request(method, url, body, { as });
  }

  it('given the host tenant, when its owner hands the ownership to a plain user, then that user owns it and administers it, and the former owner no longer hands it on', async () => {
    expect((await call('GET', '/v1/tenant/owner')).body).toMatchObject({
      tenantCode: HOST_TENANT_CODE,
      ownerId: HOST_ADMINISTRATOR_ID,
    });
    const created = await call('POST', '/v1/users', {
      email: `heir-${uniqueSuffix()}@example.com`,
      firstName: 'Hugo',
      lastName: 'Heir',
    });
    expect(created.status).toBe(201);
    const heirId = (created.body as { id: string }).id;
    const heir: Principal = { tenantId: HOST_TENANT_CODE, userId: heirId, level: 'user', roles: [] };
    expectProblem(await call('PUT', '/v1/tenant/owner', { userId: heirId }, heir), 403, 'TENANT.NOT_OWNER');
    expectProblem(await call('GET', '/v1/tenant/owner', undefined, heir), 403, 'TENANT.FORBIDDEN');

    const handed = await call('PUT', '/v1/tenant/owner', { userId: heirId });

    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ ownerId: heirId });
    expect((await call('GET', `/v1/users/${heirId}`)).body).toMatchObject({
      adminRoles: ['application_admin'],
    });
    await eventually(async () =>
      expect(
        recorder
          .envelopes(TenantsStream.topic)
          .filter(
            (e) =>
              e.aggregateId === HOST_TENANT_CODE && (e.payload as { ownerId?: string }).ownerId === heirId,
          ),
      ).toHaveLength(1),
    );
    expectProblem(
      await call('PUT', '/v1/tenant/owner', { userId: HOST_ADMINISTRATOR_ID }),
      403,
      'TENANT.NOT_OWNER',
    );
    expectProblem(
      await call(
        'PUT',
        '/v1/tenant/owner',
        { userId: 'not-a-uuid' },
        { ...heir, roles: ['application_admin'] },
      ),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });
});
