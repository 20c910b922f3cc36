import { createLocalJWKSet, decodeProtectedHeader, type JWK } from 'jose';
import { AccessTokenVerifier } from '@lms/service-kit';
import { isolateTestEnvironment, type ServiceTestApp } from '@lms/service-testing';
import { uniqueSuffix } from '@lms/testing';
import type { User } from '../src/users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../src/users/ports/user.repository';
import { CreateUserUseCase } from '../src/users/use-cases/create-user.use-case';
import { startIdentity } from './support/identity-app';

// The tenant of this file's users: a login names it, and their tokens carry it.
const tenantId = `auth-it-${uniqueSuffix()}`;
isolateTestEnvironment('identity');

const PASSWORD = 'correct horse battery staple';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
}

interface TokenPairBody {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

describe('sign-in over HTTP (ID-A1, ID-U4), with real Mongo', () => {
  let service: ServiceTestApp;

  beforeAll(async () => {
    service = await startIdentity({ tenantId }, 'auth-it-caller');
  });

  afterAll(async () => {
    await service?.close();
  });

  /** Each test signs in from an address of its own, so that the address limit of one never meets another. */
  function clientAddress(): string {
    return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  }

  async function call(
    method: 'GET' | 'POST',
    url: string,
    options: { body?: unknown; address?: string; bearer?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
    const response = await service.app.inject({
      method,
      url,
      remoteAddress: options.address ?? clientAddress(),
      payload: options.body === undefined ? undefined : JSON.stringify(options.body),
      headers,
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
    };
  }

  const logIn = (email: string, password: string, address?: string) =>
    call('POST', '/v1/auth/login', { body: { tenant: tenantId, email, password }, address });
  const refresh = (refreshToken: string) => call('POST', '/v1/auth/refresh', { body: { refreshToken } });
  const logOut = (refreshToken: string) => call('POST', '/v1/auth/logout', { body: { refreshToken } });

  function expectProblem(answer: Answer, status: number, code: string): void {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
  }

  async function givenUser(): Promise<User> {
    return service.app.get(CreateUserUseCase).execute({
      actor: { tenantId, userId: null, level: 'superadmin', roles: ['application_admin'] },
      email: `Ada.${uniqueSuffix()}@Example.com`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
      password: PASSWORD,
    });
  }

  async function signedIn(user: User): Promise<TokenPairBody> {
    const answer = await logIn(user.email, PASSWORD);
    expect(answer.status).toBe(200);
    return answer.body as unknown as TokenPairBody;
  }

  it('given a user with a password, when they log in, then a token pair whose access token verifies with the published keys, and /me shows them', async () => {
    const user = await givenUser();

    const answer = await logIn(user.email.toUpperCase(), PASSWORD);

    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const { accessToken } = answer.body as unknown as TokenPairBody;
    const { keys } = (await call('GET', '/v1/auth/jwks.json')).body as { keys: JWK[] };
    const verifier = new AccessTokenVerifier(
      { issuer: 'coaching-platform-identity', jwksUrl: 'http://identity/v1/auth/jwks.json' },
      createLocalJWKSet({ keys }),
    );
    await expect(verifier.verify(accessToken)).resolves.toEqual({
      tenantId,
      userId: user.id,
      level: 'user',
      roles: [],
    });

    const me = await call('GET', '/v1/auth/me', { bearer: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      userId: user.id,
      tenantId,
      email: user.email,
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'it',
      level: 'user',
      adminRoles: [],
      state: 'activated',
    });
    expectProblem(await call('GET', '/v1/auth/me'), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('given a key rotation by a System Administrator, then tokens signed before and after both verify; nobody else may rotate', async () => {
    const before = await signedIn(await givenUser());
    const systemAdmin = {
      tenantId: '1000',
      userId: 'rotating-admin',
      level: 'superadmin',
      roles: ['system_admin'],
    };
    const refused = await service.request('POST', '/v1/auth/keys/rotate', undefined, {
      as: { ...systemAdmin, tenantId: 'another-tenant', roles: ['application_admin'] },
    });
    const rotated = await service.request('POST', '/v1/auth/keys/rotate', undefined, { as: systemAdmin });
    const after = await signedIn(await givenUser());

    expect([refused.status, (refused.body as { code: string }).code]).toEqual([403, 'AUTH.FORBIDDEN']);
    expect(rotated.status).toBe(200);
    const kid = (rotated.body as { kid: string }).kid;
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(kid);
    expect(decodeProtectedHeader(before.accessToken).kid).not.toBe(kid);
    for (const token of [before.accessToken, after.accessToken]) {
      const me = await service.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(200);
    }
  });

  it('given a refresh, then a new pair; given the spent token again, then its family is revoked and the newest token is refused too', async () => {
    const first = await signedIn(await givenUser());

    const rotated = await refresh(first.refreshToken);
    const reused = await refresh(first.refreshToken);
    const newest = await refresh((rotated.body as unknown as TokenPairBody).refreshToken);

    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expectProblem(reused, 401, 'AUTH.REFRESH_TOKEN_REUSED');
    expectProblem(newest, 401, 'AUTH.INVALID_REFRESH_TOKEN');
    expectProblem(await refresh('not-a-refresh-token'), 401, 'AUTH.INVALID_REFRESH_TOKEN');
  });

  it('given a logout, then its refresh token is refused; logging out again, or with an unknown token, answers 204', async () => {
    const pair = await signedIn(await givenUser());

    const loggedOut = await logOut(pair.refreshToken);

    expect(loggedOut.status).toBe(204);
    expectProblem(await refresh(pair.refreshToken), 401, 'AUTH.INVALID_REFRESH_TOKEN');
    expect((await logOut(pair.refreshToken)).status).toBe(204);
    expect((await logOut('not-a-refresh-token')).status).toBe(204);
  });

  it('given a wrong password, an unknown e-mail or an unknown tenant, then the same 401', async () => {
    const user = await givenUser();

    const answers = [
      await logIn(user.email, 'wrong password'),
      await logIn(`nobody.${uniqueSuffix()}@example.com`, PASSWORD),
      await call('POST', '/v1/auth/login', {
        body: { tenant: `unknown-${uniqueSuffix()}`, email: user.email, password: PASSWORD },
      }),
    ];

    for (const answer of answers) expectProblem(answer, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(new Set(answers.map((answer) => answer.body.detail)).size).toBe(1);
  });

  it('given five failed attempts for an account, then the sixth is refused with 429 and Retry-After, even with the right password', async () => {
    const user = await givenUser();

    for (let attempt = 1; attempt <= 5; attempt++)
      expectProblem(await logIn(user.email, `wrong password ${attempt}`), 401, 'AUTH.INVALID_CREDENTIALS');
    const sixth = await logIn(user.email, PASSWORD);

    expectProblem(sixth, 429, 'AUTH.TOO_MANY_ATTEMPTS');
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(sixth.body.retryAfterSeconds).toBe(retryAfter);
  });

  it('given a deactivated user, then the right password is refused with 403 and the advice to contact an administrator, and so is their refresh', async () => {
    const user = await givenUser();
    const pair = await signedIn(user);
    const users = service.app.get<UserRepository>(USER_REPOSITORY);
    await users.update({ ...user, state: 'deactivated', version: user.version + 1 }, user.version, []);

    const refused = await logIn(user.email, PASSWORD);

    expectProblem(refused, 403, 'AUTH.ACCOUNT_DEACTIVATED');
    expect(String(refused.body.detail)).toMatch(/contact an administrator/i);
    expectProblem(await logIn(user.email, 'wrong password'), 401, 'AUTH.INVALID_CREDENTIALS');
    expectProblem(await refresh(pair.refreshToken), 403, 'AUTH.ACCOUNT_DEACTIVATED');
  });
});
