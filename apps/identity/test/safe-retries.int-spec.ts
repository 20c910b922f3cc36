import type { Connection } from 'mongoose';
import { IDEMPOTENCY_COLLECTION, MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, type ServiceTestApp } from '@lms/service-testing';
import { startIdentity } from './support/identity-app';

isolateTestEnvironment('identity');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Record<string, unknown>;
}

/**
 * Safe retries and concurrent edits over HTTP, against the real database: a creating POST
 * sent again with its `Idempotency-Key` creates nothing twice; an edit carrying a stale
 * `If-Match` is refused; an empty JSON body is no body; an error names the path the client
 * called.
 */
describe('safe retries and concurrent edits (identity over HTTP, real Kafka and Mongo)', () => {
  const tenantId = `retries-${uniqueSuffix()}`;
  const admin: Principal = {
    tenantId,
    userId: 'retries-admin',
    level: 'superadmin',
    roles: ['application_admin'],
  };
  let service: ServiceTestApp;
  let token: string;

  beforeAll(async () => {
    service = await startIdentity(admin, 'retries-admin');
    token = await service.tokenFor(admin);
  });

  afterAll(async () => {
    await service?.close();
  });

  async function send(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await service.app.inject({
      method,
      url,
      payload: options.body,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body ? (response.json() as Record<string, unknown>) : {},
    };
  }

  const newUser = (email: string) => JSON.stringify({ email, firstName: 'Ada', lastName: 'Lovelace' });

  async function usersWithEmail(email: string): Promise<number> {
    const page = await send('GET', `/v1/users?text=${encodeURIComponent(email)}&limit=50`);
    return (page.body.items as Array<{ email: string }>).filter((user) => user.email === email).length;
  }

  it('a POST sent again with its Idempotency-Key answers the first answer and creates nothing twice', async () => {
    const email = `ada-${uniqueSuffix()}@example.com`;
    const key = { 'idempotency-key': `create-${uniqueSuffix()}` };

    const first = await send('POST', '/v1/users', { body: newUser(email), headers: key });
    const again = await send('POST', '/v1/users', { body: newUser(email), headers: key });

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await usersWithEmail(email)).toBe(1);
  });

  it('the same key with another body is refused (422), and another caller may use the same key', async () => {
    const key = { 'idempotency-key': `reused-${uniqueSuffix()}` };
    expect(
      (await send('POST', '/v1/users', { body: newUser(`a-${uniqueSuffix()}@example.com`), headers: key }))
        .status,
    ).toBe(201);

    const other = await send('POST', '/v1/users', {
      body: newUser(`b-${uniqueSuffix()}@example.com`),
      headers: key,
    });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);

    const colleague: Principal = { ...admin, userId: 'another-admin' };
    const colleagueToken = await service.tokenFor(colleague);
    const theirs = await send('POST', '/v1/users', {
      body: newUser(`c-${uniqueSuffix()}@example.com`),
      headers: { ...key, authorization: `Bearer ${colleagueToken}` },
    });
    expect(theirs.status).toBe(201);
  });

  it('requests racing with one key create one user; a failed request frees its key for a retry', async () => {
    const email = `race-${uniqueSuffix()}@example.com`;
    const key = { 'idempotency-key': `race-${uniqueSuffix()}` };

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send('POST', '/v1/users', { body: newUser(email), headers: key })),
    );

    expect(
      answers.every((answer) => answer.status === 201 || answer.body.code === 'IDEMPOTENCY.IN_PROGRESS'),
    ).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect(await usersWithEmail(email)).toBe(1);

    const failing = { 'idempotency-key': `taken-${uniqueSuffix()}` };
    const taken = await send('POST', '/v1/users', { body: newUser(email), headers: failing });
    expect([taken.status, taken.body.code]).toEqual([409, 'USER.EMAIL_TAKEN']);
    const records = service.app.get<Connection>(MONGO_CONNECTION).collection(IDEMPOTENCY_COLLECTION);
    expect(await records.countDocuments({ state: 'in_progress' })).toBe(0);
  });

  it('refuses a malformed key (400)', async () => {
    const answer = await send('POST', '/v1/users', {
      body: newUser(`k-${uniqueSuffix()}@example.com`),
      headers: { 'idempotency-key': 'x'.repeat(256) },
    });
    expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.IDEMPOTENCY_KEY_INVALID']);
  });

  it('gives a user its ETag, and refuses an edit whose If-Match is stale (412), writing nothing', async () => {
    const created = await send('POST', '/v1/users', { body: newUser(`etag-${uniqueSuffix()}@example.com`) });
    const id = String(created.body.id);
    const read = await send('GET', `/v1/users/${id}`);
    expect(read.headers.etag).toBe(`"${String(read.body.version)}"`);

    const first = await send('PATCH', `/v1/users/${id}`, {
      body: JSON.stringify({ firstName: 'Augusta' }),
      headers: { 'if-match': String(read.headers.etag) },
    });
    const second = await send('PATCH', `/v1/users/${id}`, {
      body: JSON.stringify({ lastName: 'King' }),
      headers: { 'if-match': String(read.headers.etag) },
    });

    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe(`"${Number(read.body.version) + 1}"`);
    expect([second.status, second.body.code]).toEqual([412, 'REQUEST.STALE_VERSION']);
    expect((await send('GET', `/v1/users/${id}`)).body).toMatchObject({
      firstName: 'Augusta',
      lastName: 'Lovelace',
    });
    const malformed = await send('PATCH', `/v1/users/${id}`, {
      body: JSON.stringify({ lastName: 'King' }),
      headers: { 'if-match': 'yesterday' },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'REQUEST.IF_MATCH_INVALID']);
  });

  it('takes an empty JSON body on a route without one, and names the called path in its errors', async () => {
    const created = await send('POST', '/v1/users', { body: newUser(`empty-${uniqueSuffix()}@example.com`) });

    const deactivated = await send('POST', `/v1/users/${String(created.body.id)}/deactivate`, { body: '' });
    const deleted = await send('DELETE', `/v1/users/${String(created.body.id)}`, { body: '' });
    const missing = await send('GET', '/v1/users/0190c0de-0000-7000-8000-00000000dead', {
      headers: {
        'x-forwarded-uri': '/api/v1/identity/users/0190c0de-0000-7000-8000-00000000dead',
        'x-correlation-id': 'support-42',
      },
    });

    expect(deactivated.status).toBe(200);
    expect(deleted.status).toBe(204);
    expect(missing.body).toMatchObject({
      status: 404,
      code: 'USER.NOT_FOUND',
      instance: '/api/v1/identity/users/0190c0de-0000-7000-8000-00000000dead',
      correlationId: 'support-42',
    });
  });
});
