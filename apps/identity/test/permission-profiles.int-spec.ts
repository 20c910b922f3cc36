import type { Principal } from '@lms/service-kit';
import { uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, type ServiceTestApp, type TestResponse } from '@lms/service-testing';
import { startIdentity } from './support/identity-app';
import { expectProblem } from '@lms/service-testing';

isolateTestEnvironment('identity');

interface ProfileBody {
  id: string;
  name: string;
  rights: string[];
  description: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

interface UserBody {
  id: string;
  level: string;
  adminRoles: string[];
  state: string;
  permissionProfile: string | null;
}

/** A tenant of one test: its users and profiles are nobody else's. */
function newTenant(): string {
  return `profiles-${uniqueSuffix()}`;
}

/** An administrator of the tenant without an account: the one who sets a test up. */
function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: 'profiles-admin', level: 'superadmin', roles: ['application_admin'] };
}

function principalOf(user: UserBody, tenantId: string): Principal {
  return { tenantId, userId: user.id, level: user.level, roles: user.adminRoles };
}

describe('permission profiles over HTTP (ID-U2), with real Kafka and Mongo', () => {
  let service: ServiceTestApp;

  beforeAll(async () => {
    service = await startIdentity(administratorOf(newTenant()), 'profiles-admin');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function as(
    principal: Principal,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<TestResponse> {
    return service.request(method, url, body, { as: principal });
  }

  async function createUser(tenantId: string, fields: Record<string, unknown> = {}): Promise<UserBody> {
    const created = await as(administratorOf(tenantId), 'POST', '/v1/users', {
      email: `user-${uniqueSuffix()}@example.com`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      ...fields,
    });
    expect(created.status).toBe(201);
    return created.body as UserBody;
  }

  it('creates a profile (201), replaces it (200), reads and lists it; another tenant never sees it', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);

    const created = await as(admin, 'PUT', '/v1/permission-profiles/sales-desk', {
      rights: ['users.change_state', 'users.read'],
      description: 'The sales desk',
    });
    const replaced = await as(admin, 'PUT', '/v1/permission-profiles/sales-desk', { rights: ['users.read'] });
    const again = await as(admin, 'PUT', '/v1/permission-profiles/sales-desk', { rights: ['users.read'] });
    await as(admin, 'PUT', '/v1/permission-profiles/coaches', { rights: ['assignments.manage'] });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'sales-desk',
      rights: ['users.read', 'users.change_state'],
      description: 'The sales desk',
      version: 1,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ rights: ['users.read'], description: null, version: 2 });
    expect([again.status, (again.body as ProfileBody).version]).toEqual([200, 2]);
    expect((await as(admin, 'GET', '/v1/permission-profiles/sales-desk')).body).toEqual(replaced.body);
    const list = await as(admin, 'GET', '/v1/permission-profiles?limit=1');
    expect(list.body).toMatchObject({ limit: 1, nextCursor: expect.any(String) });
    expect((list.body as { items: ProfileBody[] }).items.map((profile) => profile.name)).toEqual(['coaches']);
    const { nextCursor } = list.body as { nextCursor: string };
    const rest = await as(admin, 'GET', `/v1/permission-profiles?limit=1&cursor=${nextCursor}`);
    expect(rest.body).toEqual({ items: [replaced.body], limit: 1, nextCursor: null });

    const stranger = administratorOf(newTenant());
    expectProblem(
      await as(stranger, 'GET', '/v1/permission-profiles/sales-desk'),
      404,
      'PERMISSION_PROFILE.NOT_FOUND',
    );
    expect((await as(stranger, 'GET', '/v1/permission-profiles')).body).toMatchObject({ items: [] });
  });

  it('refuses an unknown right (422), a bad name or body (400), and callers who do not manage every user (403)', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);

    const unknown = await as(admin, 'PUT', '/v1/permission-profiles/desk', {
      rights: ['users.read', 'users.delete'],
    });
    expectProblem(unknown, 422, 'PERMISSION_PROFILE.UNKNOWN_RIGHT');
    expect(unknown.body).toMatchObject({ rights: ['users.delete'] });
    for (const [url, body] of [
      ['/v1/permission-profiles/Sales%20Desk', { rights: [] }],
      [`/v1/permission-profiles/${'a'.repeat(65)}`, { rights: [] }],
      ['/v1/permission-profiles/desk', { rights: 'users.read' }],
      ['/v1/permission-profiles/desk', { rights: ['users.read', 'users.read'] }],
      ['/v1/permission-profiles/desk', {}],
    ] as const)
      expectProblem(await as(admin, 'PUT', url, body), 400, 'REQUEST.VALIDATION_FAILED');
    expectProblem(
      await as(admin, 'GET', '/v1/permission-profiles/desk'),
      404,
      'PERMISSION_PROFILE.NOT_FOUND',
    );

    const powerUser = await createUser(tenantId, { level: 'power_user' });
    const plainUser = await createUser(tenantId);
    for (const caller of [principalOf(powerUser, tenantId), principalOf(plainUser, tenantId)]) {
      expectProblem(
        await as(caller, 'PUT', '/v1/permission-profiles/desk', { rights: [] }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await as(caller, 'GET', '/v1/permission-profiles'), 403, 'AUTH.FORBIDDEN');
    }
  });

  it('gives a user only a profile of its tenant, and deletes a profile only once nobody holds it', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const ada = await createUser(tenantId, { level: 'power_user' });
    await as(administratorOf(newTenant()), 'PUT', '/v1/permission-profiles/elsewhere', { rights: [] });
    await as(admin, 'PUT', '/v1/permission-profiles/desk', { rights: ['users.read'] });

    expectProblem(
      await as(admin, 'PATCH', `/v1/users/${ada.id}`, { permissionProfile: 'elsewhere' }),
      422,
      'USER.UNKNOWN_PERMISSION_PROFILE',
    );
    expectProblem(
      await as(admin, 'PATCH', `/v1/users/${ada.id}`, { permissionProfile: 'Not A Name' }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    const given = await as(admin, 'PATCH', `/v1/users/${ada.id}`, { permissionProfile: 'desk' });
    expect(given.body).toMatchObject({ permissionProfile: 'desk' });

    expectProblem(
      await as(admin, 'DELETE', '/v1/permission-profiles/desk'),
      409,
      'PERMISSION_PROFILE.IN_USE',
    );
    await as(admin, 'PATCH', `/v1/users/${ada.id}`, { permissionProfile: null });
    expect((await as(admin, 'DELETE', '/v1/permission-profiles/desk')).status).toBe(204);
    expectProblem(
      await as(admin, 'GET', '/v1/permission-profiles/desk'),
      404,
      'PERMISSION_PROFILE.NOT_FOUND',
    );
    expectProblem(
      await as(admin, 'DELETE', '/v1/permission-profiles/desk'),
      404,
      'PERMISSION_PROFILE.NOT_FOUND',
    );
  });

  it('lets a power user do to the users of its scope what its profile grants, from its next request on', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const group = (await as(admin, 'POST', '/v1/groups', { name: 'Sales' })).body as { id: string };
    const member = await createUser(tenantId);
    expect(
      (await as(admin, 'POST', `/v1/groups/${group.id}/members`, { userId: member.id, roles: ['learner'] }))
        .status,
    ).toBe(201);
    await as(admin, 'PUT', '/v1/permission-profiles/readers', { rights: ['users.read'] });
    const powerUser = await createUser(tenantId, { level: 'power_user' });
    await as(admin, 'PATCH', `/v1/users/${powerUser.id}`, {
      powerUserScope: { groupIds: [group.id] },
      permissionProfile: 'readers',
    });
    const asPowerUser = principalOf(powerUser, tenantId);

    expect((await as(asPowerUser, 'GET', `/v1/users/${member.id}`)).status).toBe(200);
    expectProblem(await as(asPowerUser, 'POST', `/v1/users/${member.id}/deactivate`), 403, 'USER.FORBIDDEN');

    await as(admin, 'PUT', '/v1/permission-profiles/readers', { rights: ['users.change_state'] });
    const deactivated = await as(asPowerUser, 'POST', `/v1/users/${member.id}/deactivate`);
    expect([deactivated.status, (deactivated.body as UserBody).state]).toEqual([200, 'deactivated']);

    await as(admin, 'PATCH', `/v1/users/${powerUser.id}`, { permissionProfile: null });
    expectProblem(await as(asPowerUser, 'GET', `/v1/users/${member.id}`), 403, 'USER.FORBIDDEN');
  });
});
