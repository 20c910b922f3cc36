import { request as httpRequest } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestTokenAuthority } from '@lms/service-testing';
import type { JwtAuthenticator } from '../src/auth/jwt.authenticator';

interface EchoedRequest {
  upstream: string;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
}

interface PlatformHealth {
  status: string;
  services: Record<string, { status: string; checks?: Record<string, string>; detail?: string }>;
}

/** A stand-in service: answers its readiness, echoes every `/v1/*` call, and has a slow route. */
async function startEchoService(name: string): Promise<{ server: FastifyInstance; url: string }> {
  // Takes bodies as large as the gateway's uploads, so that the gateway's own limits are what is tested.
  const server = Fastify({ bodyLimit: 64 * 1024 * 1024 });
  server.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  server.get('/health/ready', async () => ({ status: 'ready', checks: { mongodb: 'up' } }));
  server.get('/v1/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { late: true };
  });
  server.get('/v1/missing', async (_request, reply) =>
    reply
      .status(404)
      .header('content-type', 'application/problem+json')
      .send({ status: 404, code: 'THING.NOT_FOUND', title: 'Not Found', type: 'x', detail: 'no such thing' }),
  );
  server.all('/v1/*', async (request, reply): Promise<EchoedRequest> => {
    void reply.status(request.method === 'POST' ? 201 : 200).header('location', '/v1/echo/1');
    return {
      upstream: name,
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? null),
    };
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, url: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}` };
}

/** An address where nothing listens: the port was free a moment ago. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** A GET through `node:http`, which (unlike fetch) lets a test send connection-level headers. */
function rawGet(url: string, headers: Record<string, string>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * Starts a gateway on a random port with `env` on top of the test's environment. The gateway
 * reads its settings once, when its modules are loaded: each gateway loads its own copy of
 * them, and the environment is put back afterwards.
 */
async function startGateway(
  env: Record<string, string>,
  tokens?: TestTokenAuthority,
): Promise<{ app: NestFastifyApplication; url: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let app: NestFastifyApplication | undefined;
    await jest.isolateModulesAsync(async () => {
      const { createGatewayApp } = await import('../src/gateway-app');
      const { REQUEST_AUTHENTICATOR } = await import('../src/auth/request-authenticator');
      app = await createGatewayApp();
      // The gateway trusts the test's token authority instead of identity's published keys.
      if (tokens) app.get<JwtAuthenticator>(REQUEST_AUTHENTICATOR).verifier.useKeySource(tokens.keys);
    });
    if (!app) throw new Error('the gateway did not start');
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, url: await app.getUrl() };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

describe('gateway (two stand-in services on random ports)', () => {
  let tokens: TestTokenAuthority;
  let identity: { server: FastifyInstance; url: string };
  let coaching: { server: FastifyInstance; url: string };
  let gateway: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    tokens = await TestTokenAuthority.create('coaching-platform-identity');
    identity = await startEchoService('identity');
    coaching = await startEchoService('coaching');
    gateway = await startGateway(
      {
        IDENTITY_URL: identity.url,
        COACHING_URL: coaching.url,
        LEARNING_URL: identity.url,
        NOTIFICATIONS_URL: coaching.url,
        UPSTREAM_TIMEOUT_MS: '300',
      },
      tokens,
    );
  });

  afterAll(async () => {
    await gateway?.app.close();
    await identity?.server.close();
    await coaching?.server.close();
  });

  it('forwards a POST with its body, query and credentials to the owning service under /v1', async () => {
    const token = await tokens.issue({ tenantId: 'tenant-a', userId: 'user-1', level: 'user', roles: [] });
    const response = await fetch(`${gateway.url}/api/v1/identity/users?source=import&tag=a&tag=b`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-correlation-id': 'corr-123',
        'x-forwarded-for': '6.6.6.6',
      },
      body: JSON.stringify({ email: 'ada@example.com', firstName: 'Ada' }),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('corr-123');
    expect(response.headers.get('location')).toBe('/api/v1/identity/echo/1');
    const echoed = (await response.json()) as EchoedRequest;
    expect(echoed).toMatchObject({
      upstream: 'identity',
      method: 'POST',
      url: '/v1/users?source=import&tag=a&tag=b',
    });
    expect(JSON.parse(echoed.body)).toEqual({ email: 'ada@example.com', firstName: 'Ada' });
    expect(echoed.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      'x-correlation-id': 'corr-123',
      'content-type': 'application/json',
      'x-forwarded-for': '127.0.0.1',
    });
  });

  it('refuses a token it cannot verify with 401 problem+json before any service sees it', async () => {
    const stranger = await TestTokenAuthority.create('coaching-platform-identity');
    const forged = await stranger.issue({ tenantId: 'tenant-a', userId: 'user-1', level: 'user', roles: [] });
    const response = await fetch(`${gateway.url}/api/v1/coaching/assignments`, {
      headers: { authorization: `Bearer ${forged}` },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('sends sign-in under /api/v1/auth to identity, without a token', async () => {
    const response = await fetch(`${gateway.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: '1000', email: 'ada@example.com', password: 'x' }),
    });

    expect((await response.json()) as EchoedRequest).toMatchObject({
      upstream: 'identity',
      url: '/v1/auth/login',
    });
  });

  it('keeps the method and rewrites the path for each service', async () => {
    const put = await fetch(`${gateway.url}/api/v1/identity/groups/g1/members/u1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['coach'] }),
    });
    const deleted = await fetch(`${gateway.url}/api/v1/coaching/assignments/a1`, { method: 'DELETE' });
    const listed = await fetch(`${gateway.url}/api/v1/coaching/assignments?coachId=c1&status=current`);

    expect(await put.json()).toMatchObject({
      upstream: 'identity',
      method: 'PUT',
      url: '/v1/groups/g1/members/u1',
    });
    expect(await deleted.json()).toMatchObject({
      upstream: 'coaching',
      method: 'DELETE',
      url: '/v1/assignments/a1',
    });
    expect(await listed.json()).toMatchObject({
      upstream: 'coaching',
      method: 'GET',
      url: '/v1/assignments?coachId=c1&status=current',
    });
  });

  it('gives a request without a correlation id a new one, sent upstream and back to the caller', async () => {
    const response = await fetch(`${gateway.url}/api/v1/coaching/group-assignments`);
    const echoed = (await response.json()) as EchoedRequest;

    const assigned = response.headers.get('x-correlation-id');
    expect(assigned).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed.headers['x-correlation-id']).toBe(assigned);
  });

  it('strips hop-by-hop headers, including those the Connection header names', async () => {
    const echoed = (await rawGet(`${gateway.url}/api/v1/identity/users`, {
      connection: 'keep-alive, x-private-hop',
      'x-private-hop': 'secret',
      'keep-alive': 'timeout=5',
      'x-kept': 'yes',
    })) as EchoedRequest;

    expect(echoed.headers['x-private-hop']).toBeUndefined();
    expect(echoed.headers['keep-alive']).toBeUndefined();
    expect(echoed.headers['x-kept']).toBe('yes');
  });

  it("passes a service's own error answer through unchanged", async () => {
    const response = await fetch(`${gateway.url}/api/v1/identity/missing`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as Problem).code).toBe('THING.NOT_FOUND');
  });

  it('answers 504 problem+json when a service does not answer in time', async () => {
    const response = await fetch(`${gateway.url}/api/v1/coaching/slow`);

    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 504, code: 'GATEWAY.UPSTREAM_TIMEOUT' });
  });

  it('forwards a multipart upload over the JSON limit (an import file) whole, declared or chunked, and refuses one declaring more than 50 MiB', async () => {
    const boundary = 'gateway-upload-boundary';
    const rows = Array.from({ length: 60_000 }, (_, i) => `user-${i}@example.com,Ada,Lovelace,3,group`).join(
      '\r\n',
    );
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="users.csv"',
      'Content-Type: text/csv',
      '',
      rows,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const declared = await fetch(`${gateway.url}/api/v1/identity/imports`, { method: 'POST', headers, body });
    const chunked = await fetch(`${gateway.url}/api/v1/identity/imports`, {
      method: 'POST',
      headers,
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);

    for (const response of [declared, chunked]) {
      expect(response.status).toBe(201);
      expect(((await response.json()) as EchoedRequest).body).toBe(body);
    }

    const oversize = await new Promise<{ status: number; code: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}/api/v1/identity/imports`, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(60 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, code: (JSON.parse(text) as Problem).code }),
        );
      });
      request.on('error', reject);
      request.write(`--${boundary}\r\n`);
    });
    expect(oversize).toEqual({ status: 413, code: 'REQUEST.BODY_TOO_LARGE' });
  });

  it('refuses a body over 1 MiB with 413 problem+json, declared or chunked', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(1024 * 1024) });
    const declared = await fetch(`${gateway.url}/api/v1/identity/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    const chunked = await fetch(`${gateway.url}/api/v1/identity/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);

    for (const response of [declared, chunked]) {
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as Problem).code).toBe('REQUEST.BODY_TOO_LARGE');
    }
  });

  it('answers an unknown path with 404 problem+json REQUEST.ROUTE_NOT_FOUND', async () => {
    const response = await fetch(`${gateway.url}/api/v1/billing/invoices`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, code: 'REQUEST.ROUTE_NOT_FOUND' });
  });

  it('reports the platform ready when every service is', async () => {
    const response = await fetch(`${gateway.url}/api/v1/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      services: {
        identity: { status: 'ready', checks: { mongodb: 'up' } },
        coaching: { status: 'ready', checks: { mongodb: 'up' } },
        learning: { status: 'ready', checks: { mongodb: 'up' } },
        notifications: { status: 'ready', checks: { mongodb: 'up' } },
      },
    });
  });

  it('serves its own liveness and readiness', async () => {
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${gateway.url}/health/ready`)).json()).toMatchObject({ status: 'ready' });
  });

  it('serves the OpenAPI and AsyncAPI documents as JSON', async () => {
    const openapi = await fetch(`${gateway.url}/api/v1/openapi.json`);
    const asyncapi = await fetch(`${gateway.url}/api/v1/asyncapi.json`);

    expect(openapi.status).toBe(200);
    expect(openapi.headers.get('content-type')).toContain('application/json');
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toContain('/api/v1/coaching/assignments');
    expect(((await asyncapi.json()) as { asyncapi: string }).asyncapi).toMatch(/^3\./);
  });

  it('serves a browsable reference of the same document at /api/docs', async () => {
    const page = await fetch(`${gateway.url}/api/docs`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('swagger-ui');
  });
});

describe('gateway with a service down', () => {
  let identity: { server: FastifyInstance; url: string };
  let gateway: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    identity = await startEchoService('identity');
    const down = await closedPortUrl();
    gateway = await startGateway({
      IDENTITY_URL: identity.url,
      COACHING_URL: down,
      LEARNING_URL: identity.url,
      NOTIFICATIONS_URL: identity.url,
      HEALTH_TIMEOUT_MS: '500',
    });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await identity?.server.close();
  });

  it('answers 502 problem+json GATEWAY.UPSTREAM_UNAVAILABLE for the missing service only', async () => {
    const failed = await fetch(`${gateway.url}/api/v1/coaching/assignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const served = await fetch(`${gateway.url}/api/v1/identity/users`);

    expect(failed.status).toBe(502);
    expect(failed.headers.get('content-type')).toContain('application/problem+json');
    expect(await failed.json()).toMatchObject({
      status: 502,
      code: 'GATEWAY.UPSTREAM_UNAVAILABLE',
      detail: 'The coaching service is unavailable.',
      instance: '/api/v1/coaching/assignments',
    });
    expect(served.status).toBe(200);
  });

  it('reports the platform not ready (503), naming the failing service', async () => {
    const response = await fetch(`${gateway.url}/api/v1/health`);

    expect(response.status).toBe(503);
    const health = (await response.json()) as PlatformHealth;
    expect(health.status).toBe('not_ready');
    expect(health.services.coaching).toMatchObject({ status: 'unreachable' });
    expect(health.services.identity.status).toBe('ready');
  });
});

describe('gateway rate limits, security headers and CORS', () => {
  let tokens: TestTokenAuthority;
  let identity: { server: FastifyInstance; url: string };
  let gateway: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    tokens = await TestTokenAuthority.create('coaching-platform-identity');
    identity = await startEchoService('identity');
    gateway = await startGateway(
      {
        IDENTITY_URL: identity.url,
        COACHING_URL: identity.url,
        LEARNING_URL: identity.url,
        NOTIFICATIONS_URL: identity.url,
        RATE_LIMIT_PER_MINUTE: '3',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '2',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1',
        CORS_ORIGINS: 'https://learn.example.com',
      },
      tokens,
    );
  });

  afterAll(async () => {
    await gateway?.app.close();
    await identity?.server.close();
  });

  /** A call from `clientIp`, injected without a socket so that each test client has its own address. */
  const callFrom = (clientIp: string, url: string, headers: Record<string, string> = {}) =>
    gateway.app.inject({ method: 'GET', url, remoteAddress: clientIp, headers });

  it('answers 429 problem+json with Retry-After once a client spent its budget, and only to that client', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const allowed = await callFrom('10.0.0.1', '/api/v1/identity/users');
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers['ratelimit-limit']).toBe('3');
      remaining.push(String(allowed.headers['ratelimit-remaining']));
    }
    const limited = await callFrom('10.0.0.1', '/api/v1/identity/users');

    expect(remaining).toEqual(['2', '1', '0']);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'REQUEST.RATE_LIMITED',
      detail: `Too many requests; retry in ${retryAfter} s.`,
      instance: '/api/v1/identity/users',
    });

    expect((await callFrom('10.0.0.1', '/api/v1/health')).statusCode).toBe(429);
    expect((await callFrom('10.0.0.1', '/api/v1/billing/invoices')).statusCode).toBe(429);
    expect((await callFrom('10.0.0.1', '/health/live')).statusCode).toBe(200);
    expect((await callFrom('10.0.0.1', '/health/ready')).statusCode).toBe(200);
    expect((await callFrom('10.0.0.2', '/api/v1/identity/users')).statusCode).toBe(200);
  });

  it('limits one account across addresses, and each account on its own', async () => {
    const principal = { tenantId: 'tenant-a', userId: 'busy-user', level: 'user', roles: [] as string[] };
    const busy = { authorization: `Bearer ${await tokens.issue(principal)}` };
    const other = { authorization: `Bearer ${await tokens.issue({ ...principal, userId: 'other-user' })}` };

    const statuses = [
      (await callFrom('10.0.1.1', '/api/v1/identity/users', busy)).statusCode,
      (await callFrom('10.0.1.2', '/api/v1/identity/users', busy)).statusCode,
    ];
    const third = await callFrom('10.0.1.3', '/api/v1/identity/users', busy);

    expect(statuses).toEqual([200, 200]);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await callFrom('10.0.1.4', '/api/v1/identity/users', other)).statusCode).toBe(200);
  });

  it('limits sign-in harder than the rest of the API', async () => {
    const login = () =>
      gateway.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.2.1',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });

    expect((await login()).statusCode).toBe(201); // the stand-in service's answer to any POST
    const refused = await login();

    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
    expect((await callFrom('10.0.2.1', '/api/v1/identity/users')).statusCode).toBe(200);
  });

  it('sends security headers, and CORS headers to the configured origins only', async () => {
    const fromApp = await callFrom('10.0.3.1', '/api/v1/health', { origin: 'https://learn.example.com' });
    const fromElsewhere = await callFrom('10.0.3.2', '/api/v1/health', { origin: 'https://evil.example' });

    expect(fromApp.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'access-control-allow-origin': 'https://learn.example.com',
    });
    expect(String(fromApp.headers['access-control-expose-headers'])).toContain('x-correlation-id');
    expect(fromElsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('gateway rate limits shared by two instances (real MongoDB)', () => {
  let identity: { server: FastifyInstance; url: string };
  let first: { app: NestFastifyApplication; url: string };
  let second: { app: NestFastifyApplication; url: string };

  beforeAll(async () => {
    identity = await startEchoService('identity');
    const mongoUri = String(process.env.MONGODB_URI);
    const shared = {
      IDENTITY_URL: identity.url,
      COACHING_URL: identity.url,
      LEARNING_URL: identity.url,
      NOTIFICATIONS_URL: identity.url,
      RATE_LIMIT_PER_MINUTE: '3',
      RATE_LIMIT_MONGODB_URI: mongoUri.replace(/\/(\?|$)/, `/gateway-it-${Date.now()}$1`),
    };
    first = await startGateway(shared);
    second = await startGateway(shared);
  });

  afterAll(async () => {
    await first?.app.close();
    await second?.app.close();
    await identity?.server.close();
  });

  it("counts a client's calls together whichever instance takes them", async () => {
    // The shared counts are kept per minute: start well inside one.
    const untilNextMinute = 60_000 - (Date.now() % 60_000);
    if (untilNextMinute < 3_000) await new Promise((resolve) => setTimeout(resolve, untilNextMinute + 100));
    const call = (gateway: { app: NestFastifyApplication }) =>
      gateway.app.inject({ method: 'GET', url: '/api/v1/identity/users', remoteAddress: '10.0.9.1' });

    const statuses = [
      (await call(first)).statusCode,
      (await call(second)).statusCode,
      (await call(first)).statusCode,
    ];
    const fourth = await call(second);

    expect(statuses).toEqual([200, 200, 200]);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'REQUEST.RATE_LIMITED' });
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const other = await second.app.inject({
      method: 'GET',
      url: '/api/v1/identity/users',
      remoteAddress: '10.0.9.2',
    });
    expect(other.statusCode).toBe(200);
  });
});
