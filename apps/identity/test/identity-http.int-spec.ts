import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, type JWK } from 'jose';
import type { Connection } from 'mongoose';
import { GroupMembershipsStream, GroupsStream, UsersStream } from '@lms/contracts';
import { AccessTokenVerifier, MONGO_CONNECTION } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type RecordedEvent,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { SigningKeyRing } from '../src/auth/use-cases/signing-key-ring';
import { startIdentity } from './support/identity-app';

// One tenant for this file: the tokens of its requests carry it.
const tenantId = `identity-it-${uniqueSuffix()}`;
isolateTestEnvironment('identity');

interface HttpResult {
  status: number;
  contentType: string;
  correlationId: string;
  body: Record<string, unknown>;
}

describe('identity over HTTP, with real Kafka and Mongo', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity({ tenantId });
    recorder = await recordStreams([UsersStream, GroupsStream, GroupMembershipsStream], 'identity-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function http(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    correlationId: string = randomUUID(),
  ): Promise<HttpResult> {
    const response = await service.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        'x-correlation-id': correlationId,
        authorization: `Bearer ${await service.tokenFor({ tenantId, userId: 'identity-it-admin', level: 'superadmin', roles: ['application_admin'] })}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      correlationId: String(response.headers['x-correlation-id'] ?? ''),
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
    };
  }

  function expectProblem(result: HttpResult, status: number, code: string): void {
    expect({ status: result.status, code: result.body.code }).toEqual({ status, code });
    expect(result.contentType).toContain('application/problem+json');
    expect(result.body.status).toBe(status);
  }

  async function createUser(email = `ada-${uniqueSuffix()}@example.com`): Promise<Record<string, unknown>> {
    const result = await http('POST', '/v1/users', { email, firstName: 'Ada', lastName: 'Lovelace' });
    expect(result.status).toBe(201);
    return result.body;
  }

  async function createGroup(): Promise<Record<string, unknown>> {
    const result = await http('POST', '/v1/groups', { name: `Sales ${uniqueSuffix()}` });
    expect(result.status).toBe(201);
    return result.body;
  }

  it('publishes every membership change in order, keyed by tenant, group and user, and empties the outboxes', async () => {
    const email = `Grace.${uniqueSuffix()}@Example.com`;
    const userResult = await http('POST', '/v1/users', {
      email,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'it',
    });
    expect(userResult.status).toBe(201);
    const user = userResult.body;
    expect(user).toEqual({
      id: expect.any(String),
      email,
      firstName: 'Grace',
      lastName: 'Hopper',
      locale: 'it',
      timezone: 'Europe/Rome',
      customFields: {},
      level: 'user',
      adminRoles: [],
      state: 'activated',
      expiresAt: null,
      firstAccessAt: null,
      powerUserScope: null,
      permissionProfile: null,
      isManager: false,
      isAgent: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    const groupResult = await http('POST', '/v1/groups', { name: 'Leadership' });
    expect(groupResult.status).toBe(201);
    const group = groupResult.body;
    expect(group).toEqual({
      id: expect.any(String),
      name: 'Leadership',
      confidentiality: 'private',
      status: 'active',
      deletion: null,
      createdAt: expect.any(String),
      version: 1,
    });
    const members = `/v1/groups/${String(group.id)}/members`;
    const correlation = {
      added: `it-added-${uniqueSuffix()}`,
      changed: `it-changed-${uniqueSuffix()}`,
      removed: `it-removed-${uniqueSuffix()}`,
      readded: `it-readded-${uniqueSuffix()}`,
    };

    const added = await http('POST', members, { userId: user.id, roles: ['learner'] }, correlation.added);
    const duplicate = await http('POST', members, { userId: user.id, roles: ['coach'] });
    const changed = await http(
      'PUT',
      `${members}/${String(user.id)}`,
      { roles: ['coach', 'learner'] },
      correlation.changed,
    );
    const unchanged = await http('PUT', `${members}/${String(user.id)}`, { roles: ['learner', 'coach'] });
    const listed = await http('GET', `${members}?role=coach`);
    const removed = await http('DELETE', `${members}/${String(user.id)}`, undefined, correlation.removed);
    const listedAfterRemoval = await http('GET', members);
    const readded = await http('POST', members, { userId: user.id, roles: ['admin'] }, correlation.readded);

    expect(added.status).toBe(201);
    expect(added.correlationId).toBe(correlation.added);
    expect(added.body).toEqual({
      id: expect.any(String),
      groupId: group.id,
      userId: user.id,
      roles: ['learner'],
      status: 'active',
      version: 1,
    });
    expectProblem(duplicate, 409, 'MEMBERSHIP.ALREADY_EXISTS');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: added.body.id, roles: ['learner', 'coach'], version: 2 });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ version: 2 });
    expect(listed.body).toEqual({ items: [changed.body], limit: 50, nextCursor: null });
    expect(removed.status).toBe(204);
    expect(listedAfterRemoval.body).toEqual({ items: [], limit: 50, nextCursor: null });
    expect(readded.status).toBe(201);
    expect(readded.body).toMatchObject({ id: added.body.id, roles: ['admin'], status: 'active', version: 4 });

    const key = `${tenantId}:${String(group.id)}:${String(user.id)}`;
    const membershipEvents = await eventually(
      () => {
        const events = recorder.events.filter(
          (r) => r.topic === GroupMembershipsStream.topic && r.key === key,
        );
        expect(events).toHaveLength(4);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    expect(
      membershipEvents.map((e) => [e.envelope.type, e.envelope.aggregateVersion, e.envelope.correlationId]),
    ).toEqual([
      ['membership.added', 1, correlation.added],
      ['membership.roles-changed', 2, correlation.changed],
      ['membership.removed', 3, correlation.removed],
      ['membership.added', 4, correlation.readded],
    ]);
    for (const { envelope } of membershipEvents) {
      expect(envelope).toMatchObject({
        tenantId,
        aggregateId: `${String(group.id)}:${String(user.id)}`,
        producer: 'identity',
        schemaVersion: 1,
      });
    }
    expect(membershipEvents.map((e) => e.envelope.payload)).toEqual([
      { groupId: group.id, userId: user.id, roles: ['learner'] },
      { groupId: group.id, userId: user.id, roles: ['learner', 'coach'] },
      { groupId: group.id, userId: user.id },
      { groupId: group.id, userId: user.id, roles: ['admin'] },
    ]);

    const userCreated = await eventually(() => {
      const event = recorder.events.find(
        (r) => r.topic === UsersStream.topic && r.envelope.aggregateId === user.id,
      );
      expect(event).toBeDefined();
      return event as RecordedEvent;
    });
    expect(userCreated.key).toBe(`${tenantId}:${String(user.id)}`);
    expect(userCreated.envelope).toMatchObject({
      type: 'user.created',
      aggregateVersion: 1,
      correlationId: userResult.correlationId,
      payload: {
        userId: user.id,
        email,
        firstName: 'Grace',
        lastName: 'Hopper',
        locale: 'it',
        state: 'activated',
      },
    });
    await eventually(() => {
      const event = recorder.events.find(
        (r) => r.topic === GroupsStream.topic && r.envelope.aggregateId === group.id,
      );
      expect(event?.envelope).toMatchObject({
        type: 'group.created',
        payload: { groupId: group.id, name: 'Leadership', confidentiality: 'private' },
      });
    });

    const connection = service.app.get<Connection>(MONGO_CONNECTION);
    await eventually(async () => {
      for (const collection of ['users', 'groups', 'memberships']) {
        const docs = await connection
          .collection(collection)
          .find({ tenantId })
          .project({ outbox: 1 })
          .toArray();
        expect(docs.length).toBeGreaterThan(0);
        expect(docs.map((doc) => doc.outbox)).toEqual(docs.map(() => []));
      }
    });
  });

  it('reads users and groups back, and finds a user by email in any case', async () => {
    const email = `Linus.${uniqueSuffix()}@Example.com`;
    const user = await createUser(email);
    const group = await createGroup();

    const byId = await http('GET', `/v1/users/${String(user.id)}`);
    const byEmail = await http('GET', `/v1/users?email=${encodeURIComponent(email.toUpperCase())}`);
    const groupById = await http('GET', `/v1/groups/${String(group.id)}`);

    expect(byId.body).toEqual(user);
    expect(byEmail.body).toEqual({ items: [user], limit: 50, nextCursor: null });
    expect(groupById.body).toEqual(group);
  });

  it('publishes the public keys of its access tokens without sign-in, and a token it issues verifies with them', async () => {
    const issued = await service.app
      .get(SigningKeyRing)
      .issue({ tenantId, userId: 'user-1', level: 'user', roles: [] });
    const answer = await service.request('GET', '/v1/auth/jwks.json');

    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    const { keys } = answer.body as { keys: JWK[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).not.toHaveProperty('d');
    const verifier = new AccessTokenVerifier(
      { issuer: 'coaching-platform-identity', jwksUrl: 'http://identity/v1/auth/jwks.json' },
      createLocalJWKSet({ keys }),
    );
    await expect(verifier.verify(issued.accessToken)).resolves.toMatchObject({ tenantId, userId: 'user-1' });
  });

  it('pages the user list, each page read with the cursor of the page before, up to the last', async () => {
    const created = [await createUser(), await createUser(), await createUser()];

    const first = await http('GET', '/v1/users?limit=2');
    const pages = [first];
    for (let cursor = first.body.nextCursor; typeof cursor === 'string'; ) {
      const next = await http('GET', `/v1/users?limit=2&cursor=${cursor}`);
      pages.push(next);
      cursor = next.body.nextCursor;
    }

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ limit: 2, nextCursor: expect.any(String) });
    expect(first.body.items).toHaveLength(2);
    expect(pages.at(-1)?.body).toMatchObject({ limit: 2, nextCursor: null });
    const ids = pages.flatMap((page) => (page.body.items as Array<{ id: string }>).map((u) => u.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(created.map((u) => u.id)));
  });

  describe('answers problem+json with a stable code', () => {
    it('400 for an invalid body, unknown properties or query', async () => {
      expectProblem(
        await http('POST', '/v1/users', { email: 'not-an-email', firstName: 'A', lastName: 'B' }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(
        await http('POST', '/v1/users', {
          email: 'x@example.com',
          firstName: 'A',
          lastName: 'B',
          locale: 'EN',
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(
        await http('POST', '/v1/users', {
          email: 'x@example.com',
          firstName: 'A',
          lastName: 'B',
          tenantId: 'x',
        }),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      expectProblem(await http('POST', '/v1/groups', { name: '   ' }), 400, 'REQUEST.VALIDATION_FAILED');
      expectProblem(await http('GET', '/v1/users?limit=201'), 400, 'REQUEST.VALIDATION_FAILED');
      expectProblem(await http('GET', '/v1/users/not-a-uuid'), 400, 'REQUEST.VALIDATION_FAILED');
      const group = await createGroup();
      const user = await createUser();
      for (const roles of [[], ['learner', 'learner'], ['owner']]) {
        expectProblem(
          await http('POST', `/v1/groups/${String(group.id)}/members`, { userId: user.id, roles }),
          400,
          'REQUEST.VALIDATION_FAILED',
        );
      }
    });

    it('404 for unknown users, groups and memberships', async () => {
      const user = await createUser();
      const group = await createGroup();
      const members = `/v1/groups/${String(group.id)}/members`;

      expectProblem(await http('GET', `/v1/users/${randomUUID()}`), 404, 'USER.NOT_FOUND');
      expectProblem(await http('GET', `/v1/groups/${randomUUID()}`), 404, 'GROUP.NOT_FOUND');
      expectProblem(
        await http('POST', `/v1/groups/${randomUUID()}/members`, { userId: user.id, roles: ['learner'] }),
        404,
        'GROUP.NOT_FOUND',
      );
      expectProblem(await http('GET', `/v1/groups/${randomUUID()}/members`), 404, 'GROUP.NOT_FOUND');
      expectProblem(
        await http('PUT', `${members}/${String(user.id)}`, { roles: ['coach'] }),
        404,
        'MEMBERSHIP.NOT_FOUND',
      );
      expectProblem(await http('DELETE', `${members}/${String(user.id)}`), 404, 'MEMBERSHIP.NOT_FOUND');
    });

    it('409 for an email the tenant already has, in any case', async () => {
      const email = `dup.${uniqueSuffix()}@example.com`;
      await createUser(email);

      expectProblem(
        await http('POST', '/v1/users', { email: email.toUpperCase(), firstName: 'A', lastName: 'B' }),
        409,
        'USER.EMAIL_TAKEN',
      );
    });

    it('422 for a user the tenant does not have', async () => {
      const group = await createGroup();

      expectProblem(
        await http('POST', `/v1/groups/${String(group.id)}/members`, {
          userId: randomUUID(),
          roles: ['learner'],
        }),
        422,
        'MEMBERSHIP.USER_UNKNOWN',
      );
    });
  });
});
