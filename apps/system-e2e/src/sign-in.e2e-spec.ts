import { ApiClient, startPlatform, uniqueSuffix, type RunningPlatform } from '@lms/testing';
import type { Created, Problem } from './api-shapes';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * Sign-in and tenants end to end, through the gateway with every service running: the host
 * tenant's System Administrator creates a tenant, whose administrator signs in and works in it,
 * and nothing of one tenant is reachable from another.
 */
describe('sign-in and tenants, through the gateway', () => {
  const run = uniqueSuffix();
  let platform: RunningPlatform;
  let systemAdmin: ApiClient;

  beforeAll(async () => {
    platform = await startPlatform({ basePort: 13_200 });
    systemAdmin = await ApiClient.signIn(platform.gatewayUrl, platform.admin, `sign-in-${run}`);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function tenantWithAdministrator(code: string): Promise<ApiClient> {
    const administrator = { email: `admin@${code}.example.com`, password: `${code}-password-${run}` };
    const created = await systemAdmin.call('POST', '/api/v1/identity/tenants', {
      code,
      name: `Academy ${code}`,
      administrator: { ...administrator, firstName: 'Ada', lastName: 'Admin' },
    });
    expect(created.status).toBe(201);
    return ApiClient.signIn(platform.gatewayUrl, { tenant: code, ...administrator }, `sign-in-${run}`);
  }

  it("a tenant's administrator signs in, works in its tenant, and nothing of another tenant answers", async () => {
    const [a, b] = [await tenantWithAdministrator(`a-${run}`), await tenantWithAdministrator(`b-${run}`)];
    const learnerOfA = await a.create<Created>('/api/v1/identity/users', {
      email: `learner@a-${run}.example.com`,
      firstName: 'Lea',
      lastName: 'Learner',
    });
    const groupOfA = await a.create<Created>('/api/v1/identity/groups', { name: 'Sales' });

    for (const path of [
      `/api/v1/identity/users/${learnerOfA.id}`,
      `/api/v1/identity/groups/${groupOfA.id}`,
    ]) {
      expect((await a.call('GET', path)).status).toBe(200);
      expect((await b.call<Problem>('GET', path)).status).toBe(404);
      const anonymous = await new ApiClient(platform.gatewayUrl).call<Problem>('GET', path);
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    }
    const listedByB = await b.get<{ items: Created[] }>('/api/v1/identity/users?limit=200');
    expect(listedByB.items.map((user) => user.id)).not.toContain(learnerOfA.id);
  });

  it('an administrator of a tenant cannot create tenants', async () => {
    const admin = await tenantWithAdministrator(`c-${run}`);
    const refused = await admin.call<Problem>('POST', '/api/v1/identity/tenants', {
      code: `d-${run}`,
      name: 'Not allowed',
      administrator: {
        email: 'x@example.com',
        firstName: 'X',
        lastName: 'Y',
        password: 'long enough password',
      },
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('a deactivated user cannot sign in, and an administrator cannot remove its own role', async () => {
    const code = `e-${run}`;
    const admin = await tenantWithAdministrator(code);
    const learner = { tenant: code, email: `lea@${code}.example.com`, password: `lea-password-${run}` };
    const created = await admin.create<Created>('/api/v1/identity/users', {
      email: learner.email,
      firstName: 'Lea',
      lastName: 'Learner',
      password: learner.password,
    });
    const anonymous = new ApiClient(platform.gatewayUrl);
    expect((await anonymous.call('POST', '/api/v1/auth/login', learner)).status).toBe(200);

    expect((await admin.call('POST', `/api/v1/identity/users/${created.id}/deactivate`)).status).toBe(200);
    const refused = await anonymous.call<Problem>('POST', '/api/v1/auth/login', learner);
    expect([refused.status, refused.body.code]).toEqual([403, 'AUTH.ACCOUNT_DEACTIVATED']);

    const me = await admin.get<{ userId: string }>('/api/v1/auth/me');
    const ownRole = await admin.call<Problem>(
      'DELETE',
      `/api/v1/identity/users/${me.userId}/admin-roles/application_admin`,
    );
    expect(ownRole.body.code).toBe('ADMIN_ROLE.OWN_ROLE');
    expect(ownRole.status).toBeGreaterThanOrEqual(400);
  });

  it('a spent refresh token presented again revokes its whole family', async () => {
    const anonymous = new ApiClient(platform.gatewayUrl);
    const login = await anonymous.call<TokenPair>('POST', '/api/v1/auth/login', platform.admin);
    expect(login.status).toBe(200);
    const renewed = await anonymous.call<TokenPair>('POST', '/api/v1/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    expect(renewed.status).toBe(200);

    const replayed = await anonymous.call<Problem>('POST', '/api/v1/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    const newestAfterwards = await anonymous.call<Problem>('POST', '/api/v1/auth/refresh', {
      refreshToken: renewed.body.refreshToken,
    });

    expect([replayed.status, replayed.body.code]).toEqual([401, 'AUTH.REFRESH_TOKEN_REUSED']);
    expect([newestAfterwards.status, newestAfterwards.body.code]).toEqual([
      401,
      'AUTH.INVALID_REFRESH_TOKEN',
    ]);
  });
});
