import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { CourseProgressStream, UsersStream, type EventEnvelope, type UserStateV1 } from '@lms/contracts';
import { brokersFromEnv, createKafka, EventFactory, EventProducer } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { newId } from '@lms/kernel';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
  type TestResponse,
} from '@lms/service-testing';
import { registerUser } from '../src/users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../src/users/ports/user.repository';
import { ExpireDueUsersUseCase } from '../src/users/use-cases/expire-due-users.use-case';
import { expectProblem } from '@lms/service-testing';
import { startIdentity } from './support/identity-app';

// The sweeps of this file are the test's own: the app's interval is off.
process.env.USER_EXPIRY_SWEEP_INTERVAL_MS = '0';
isolateTestEnvironment('identity');

interface UserBody {
  id: string;
  email: string;
  firstName: string;
  level: string;
  adminRoles: string[];
  state: string;
  customFields: Record<string, string>;
  expiresAt: string | null;
  version: number;
}

/** A tenant of one test: its users and registry are nobody else's. */
const silent = createLogger('identity-users-lifecycle-it', { level: 'silent' });

function newTenant(): string {
  return `lifecycle-${uniqueSuffix()}`;
}

/** An administrator of the tenant without an account: the one who sets a test up. */
function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: 'lifecycle-admin', level: 'superadmin', roles: ['application_admin'] };
}

function principalOf(user: UserBody, tenantId: string): Principal {
  return { tenantId, userId: user.id, level: user.level, roles: user.adminRoles };
}

describe('users over HTTP (ID-U1..U5, ID-R1..R3), with real Kafka and Mongo', () => {
  let service: ServiceTestApp;
  let connection: Connection;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity(administratorOf(newTenant()), 'lifecycle-admin');
    connection = service.app.get<Connection>(MONGO_CONNECTION);
    recorder = await recordStreams([UsersStream], 'identity-users-lifecycle-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function as(
    principal: Principal,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
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

  async function createAdministrator(tenantId: string): Promise<UserBody> {
    const user = await createUser(tenantId);
    const granted = await as(
      administratorOf(tenantId),
      'POST',
      `/v1/users/${user.id}/admin-roles/application_admin`,
    );
    expect(granted.status).toBe(200);
    return granted.body as UserBody;
  }

  /** The events of one user, once `count` of them arrived, in the order published. */
  function eventsOf(userId: string, count: number): Promise<EventEnvelope[]> {
    return eventually(
      () => {
        const events = recorder.envelopes().filter((envelope) => envelope.aggregateId === userId);
        expect(events.length).toBeGreaterThanOrEqual(count);
        return events;
      },
      { timeoutMs: 30_000 },
    );
  }

  const stored = (id: string) =>
    connection.collection<{ _id: string; adminRoles?: string[] }>('users').findOne({ _id: id });

  it('edits a user, deactivates and activates it, and publishes each change with its full state, in order', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const ada = await createUser(tenantId);

    const patched = await as(admin, 'PATCH', `/v1/users/${ada.id}`, {
      firstName: 'Augusta',
      timezone: 'Europe/London',
      customFields: { COUNTRY: 'UK' },
      level: 'power_user',
    });
    const deactivated = await as(admin, 'POST', `/v1/users/${ada.id}/deactivate`);
    const activated = await as(admin, 'POST', `/v1/users/${ada.id}/activate`);

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      firstName: 'Augusta',
      timezone: 'Europe/London',
      customFields: { COUNTRY: 'UK' },
      level: 'power_user',
      version: 2,
    });
    expect([deactivated.status, activated.status]).toEqual([200, 200]);
    expect([deactivated.body, activated.body]).toEqual([
      expect.objectContaining({ state: 'deactivated', version: 3 }),
      expect.objectContaining({ state: 'activated', version: 4 }),
    ]);
    const events = await eventsOf(ada.id, 4);
    expect(events.map((event) => [event.type, event.aggregateVersion, event.tenantId])).toEqual([
      ['user.created', 1, tenantId],
      ['user.updated', 2, tenantId],
      ['user.updated', 3, tenantId],
      ['user.updated', 4, tenantId],
    ]);
    expect(events[2].payload).toEqual({
      userId: ada.id,
      email: ada.email,
      firstName: 'Augusta',
      lastName: 'Lovelace',
      locale: 'en',
      timezone: 'Europe/London',
      level: 'power_user',
      adminRoles: [],
      customFields: { COUNTRY: 'UK' },
      state: 'deactivated',
      expiresAt: null,
      // ID-R1: derived, never assigned; neither while it manages nothing and is in no team.
      isManager: false,
      isAgent: false,
      // ID-U2: a power user without a scope or profile yet manages nobody (LE-E3).
      powerUserScope: null,
      permissionProfile: null,
    });
    await eventually(async () => expect(await stored(ada.id)).toMatchObject({ outbox: [] }));
  });

  it('lists by state, level, the start of a name and a custom field; a plain user reads only itself', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const ada = await createUser(tenantId, { firstName: 'Ada' });
    const bob = await createUser(tenantId, { firstName: 'Bob' });
    await as(admin, 'PATCH', `/v1/users/${ada.id}`, { customFields: { COUNTRY: 'UK' } });
    await as(admin, 'PATCH', `/v1/users/${bob.id}`, {
      level: 'superadmin',
      customFields: { COUNTRY: 'United-Kingdom' },
    });
    await as(admin, 'POST', `/v1/users/${bob.id}/deactivate`);
    const ids = async (query: string) =>
      ((await as(admin, 'GET', `/v1/users?${query}`)).body as { items: UserBody[] }).items.map(
        (user) => user.id,
      );

    expect(await ids('state=deactivated')).toEqual([bob.id]);
    expect(await ids('level=superadmin')).toEqual([bob.id]);
    expect(await ids('text=ad')).toEqual([ada.id]);
    expect(await ids(`customField=${encodeURIComponent('COUNTRY:UK')}`)).toEqual([ada.id]);
    expect(await ids('state=activated&limit=1')).toEqual([ada.id]);
    expectProblem(await as(admin, 'GET', '/v1/users?customField=nocolon'), 400, 'REQUEST.VALIDATION_FAILED');

    const asAda = principalOf(ada, tenantId);
    expect((await as(asAda, 'GET', `/v1/users/${ada.id}`)).status).toBe(200);
    expectProblem(await as(asAda, 'GET', `/v1/users/${bob.id}`), 403, 'USER.FORBIDDEN');
    // Listing and editing users are not for plain users: the routes' own rule refuses them.
    expectProblem(await as(asAda, 'GET', '/v1/users'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await as(asAda, 'PATCH', `/v1/users/${bob.id}`, { firstName: 'X' }), 403, 'AUTH.FORBIDDEN');
  });

  it("given learning's first course access of a user, then the user becomes active once, even when the event comes twice", async () => {
    const tenantId = newTenant();
    const user = await createUser(tenantId);
    const learning = new EventFactory('learning');
    const accessed = learning.create(CourseProgressStream, 'course.first-accessed', {
      tenantId,
      aggregateId: user.id,
      aggregateVersion: 1,
      payload: { userId: user.id, courseId: 'course-1', accessedAt: '2026-03-02T09:00:00.000Z' },
    });
    const producer = new EventProducer(
      createKafka({ brokers: brokersFromEnv(process.env), clientId: 'identity-users-lifecycle-it' }, silent),
    );
    await producer.connect();
    try {
      await producer.send([accessed, accessed]);
    } finally {
      await producer.disconnect();
    }

    const [created, activated] = await eventsOf(user.id, 2);
    expect([created.type, activated.type]).toEqual(['user.created', 'user.updated']);
    expect(activated.payload).toMatchObject({ userId: user.id, state: 'active' });
    await eventually(async () =>
      expect((await as(administratorOf(tenantId), 'GET', `/v1/users/${user.id}`)).body).toMatchObject({
        state: 'active',
      }),
    );
    // The second delivery changed nothing: no third event.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(recorder.envelopes().filter((envelope) => envelope.aggregateId === user.id)).toHaveLength(2);
  });

  it('creates a user with its level, time zone, custom fields and expiry, and reads them back', async () => {
    const tenantId = newTenant();
    const user = await createUser(tenantId, {
      level: 'power_user',
      timezone: 'America/New_York',
      customFields: { department: 'Sales' },
      expiresAt: '2030-01-01T00:00:00.000Z',
    });

    const read = await as(administratorOf(tenantId), 'GET', `/v1/users/${user.id}`);
    expect(read.body).toMatchObject({
      level: 'power_user',
      timezone: 'America/New_York',
      customFields: { department: 'Sales' },
      expiresAt: '2030-01-01T00:00:00.000Z',
      state: 'activated',
    });
  });

  it('nobody changes its own state or deletes itself; an expired user is restored only by its expiry', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const superadmin = await createUser(tenantId, {});
    await as(admin, 'PATCH', `/v1/users/${superadmin.id}`, { level: 'superadmin' });
    const self = { ...principalOf(superadmin, tenantId), level: 'superadmin' };

    expectProblem(await as(self, 'POST', `/v1/users/${superadmin.id}/deactivate`), 403, 'USER.OWN_STATE');
    expectProblem(await as(self, 'DELETE', `/v1/users/${superadmin.id}`), 403, 'USER.OWN_DELETION');

    const ada = await createUser(tenantId);
    const expired = await as(admin, 'PATCH', `/v1/users/${ada.id}`, {
      expiresAt: '2020-01-01T00:00:00.000Z',
    });
    expect(expired.body).toMatchObject({ state: 'expired', expiresAt: '2020-01-01T00:00:00.000Z' });
    expectProblem(await as(admin, 'POST', `/v1/users/${ada.id}/activate`), 409, 'USER.EXPIRED');
    const restored = await as(admin, 'PATCH', `/v1/users/${ada.id}`, { expiresAt: null });
    expect(restored.body).toMatchObject({ state: 'activated', expiresAt: null });
  });

  it('deletes a user as a tombstone: 204, then 404, user.deleted published, its email free again', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const ada = await createUser(tenantId);

    expect((await as(admin, 'DELETE', `/v1/users/${ada.id}`)).status).toBe(204);

    expectProblem(await as(admin, 'GET', `/v1/users/${ada.id}`), 404, 'USER.NOT_FOUND');
    expectProblem(await as(admin, 'DELETE', `/v1/users/${ada.id}`), 404, 'USER.NOT_FOUND');
    expect(await stored(ada.id)).toMatchObject({
      email: ada.email,
      state: 'activated',
      deletedAt: expect.any(Date),
    });
    expect((await eventsOf(ada.id, 2)).map((event) => [event.type, event.payload])).toEqual([
      ['user.created', expect.anything()],
      ['user.deleted', { userId: ada.id }],
    ]);
    expect((await createUser(tenantId, { email: ada.email })).id).not.toBe(ada.id);
  });

  it('refuses bad input with 400: a null where a value is needed, an unknown time zone, a custom field key with a dot', async () => {
    const tenantId = newTenant();
    const ada = await createUser(tenantId);

    for (const body of [
      { firstName: null },
      { level: 'owner' },
      { timezone: 'Mars/Olympus_Mons' },
      { customFields: { 'cost.centre': '42' } },
      { customFields: { COUNTRY: 7 } },
      { expiresAt: 'tomorrow' },
      { password: 'short' },
      { powerUserScope: { groupIds: ['not-an-id'] } },
      { email: 'new@example.com' },
    ])
      expectProblem(
        await as(administratorOf(tenantId), 'PATCH', `/v1/users/${ada.id}`, body),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
  });

  it('changes the state of many users in the background and tells, at its Location, what became of each', async () => {
    const tenantId = newTenant();
    const admin = administratorOf(tenantId);
    const [ada, bob] = [await createUser(tenantId), await createUser(tenantId)];
    await as(admin, 'POST', `/v1/users/${bob.id}/deactivate`);
    const missing = randomUUID();

    const bulk = await as(admin, 'POST', '/v1/users/bulk-state', {
      userIds: [ada.id, bob.id, missing],
      action: 'deactivate',
    });

    expect(bulk.status).toBe(202);
    const { id } = bulk.body as { id: string };
    expect(bulk.body).toMatchObject({ id, state: 'running', action: 'deactivate', total: 3 });
    const location = new URL(String(bulk.headers.location), 'http://identity/v1/users/bulk-state').pathname;
    expect(location).toBe(`/v1/users/bulk-state/${id}`);
    const finished = await eventually(async () => {
      const status = await as(admin, 'GET', location);
      expect(status.body).toMatchObject({ state: 'finished' });
      return status.body;
    });
    expect(finished).toEqual({
      id,
      state: 'finished',
      action: 'deactivate',
      total: 3,
      processed: 3,
      results: [
        { userId: ada.id, outcome: 'changed' },
        { userId: bob.id, outcome: 'unchanged' },
        { userId: missing, outcome: 'not_found' },
      ],
    });
    const tooMany = Array.from({ length: 1_001 }, () => randomUUID());
    for (const body of [
      { userIds: tooMany, action: 'deactivate' },
      { userIds: [], action: 'deactivate' },
      { userIds: [ada.id], action: 'suspend' },
      { userIds: ['not-an-id'], action: 'activate' },
    ])
      expectProblem(await as(admin, 'POST', '/v1/users/bulk-state', body), 400, 'REQUEST.VALIDATION_FAILED');
  });

  it('grants and revokes the Application Administrator role, and publishes the change of roles', async () => {
    const tenantId = newTenant();
    const ann = await createAdministrator(tenantId);
    const bob = await createUser(tenantId);
    const asAnn = principalOf(ann, tenantId);

    const granted = await as(asAnn, 'POST', `/v1/users/${bob.id}/admin-roles/application_admin`);
    const revoked = await as(asAnn, 'DELETE', `/v1/users/${bob.id}/admin-roles/application_admin`);

    expect(granted.body).toMatchObject({ adminRoles: ['application_admin'], version: 2 });
    expect(revoked.body).toMatchObject({ adminRoles: [], version: 3 });
    expect(
      (await eventsOf(bob.id, 3)).map((event) => [event.type, (event.payload as UserStateV1).adminRoles]),
    ).toEqual([
      ['user.created', []],
      ['user.updated', ['application_admin']],
      ['user.updated', []],
    ]);
    expectProblem(
      await as(asAnn, 'DELETE', `/v1/users/${ann.id}/admin-roles/application_admin`),
      403,
      'ADMIN_ROLE.OWN_ROLE',
    );
    expectProblem(
      await as(asAnn, 'POST', `/v1/users/${bob.id}/admin-roles/system_admin`),
      403,
      'USER.FORBIDDEN',
    );
    expectProblem(
      await as(asAnn, 'POST', `/v1/users/${bob.id}/admin-roles/owner`),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });

  it('given two administrators removing each other’s role at once, then the tenant keeps one (ADMIN_ROLE.LAST_ADMIN)', async () => {
    const tenantId = newTenant();
    const [ann, bob] = [await createAdministrator(tenantId), await createAdministrator(tenantId)];

    const answers = await Promise.all([
      as(principalOf(ann, tenantId), 'DELETE', `/v1/users/${bob.id}/admin-roles/application_admin`),
      as(principalOf(bob, tenantId), 'DELETE', `/v1/users/${ann.id}/admin-roles/application_admin`),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expectProblem(
      answers.find((answer) => answer.status === 409) as TestResponse,
      409,
      'ADMIN_ROLE.LAST_ADMIN',
    );
    const accounts = await Promise.all([ann, bob].map((user) => stored(user.id)));
    expect(accounts.filter((account) => (account?.adminRoles ?? []).length > 0)).toHaveLength(1);
    const registry = await connection.collection<{ _id: string }>('tenant_admins').findOne({ _id: tenantId });
    expect(registry).toMatchObject({ applicationAdmins: [expect.any(String)], inactive: [], unsettled: [] });
  });

  it('given two sweeps at once, then every due user expires once, with one user.updated each', async () => {
    const tenantId = newTenant();
    const users = service.app.get<UserRepository>(USER_REPOSITORY);
    const due = Array.from({ length: 12 }, () => {
      const at = new Date('2020-01-01T00:00:00.000Z');
      return registerUser(
        {
          id: newId(),
          tenantId,
          email: `due-${uniqueSuffix()}@example.com`,
          firstName: 'Ada',
          lastName: 'Lovelace',
          expiresAt: new Date('2020-01-02T00:00:00.000Z'),
        },
        at,
      );
    });
    for (const user of due) expect(await users.insert(user, [])).toBe('inserted');
    const sweep = service.app.get(ExpireDueUsersUseCase);

    const [first, second] = await Promise.all([
      sweep.execute({ batchSize: 5 }),
      sweep.execute({ batchSize: 5 }),
    ]);

    expect(first.expired + second.expired).toBe(due.length);
    for (const user of due) expect(await stored(user.id)).toMatchObject({ state: 'expired', version: 2 });
    for (const user of due) {
      const events = await eventsOf(user.id, 1);
      expect(
        events.map((event) => [event.type, event.aggregateVersion, (event.payload as UserStateV1).state]),
      ).toEqual([['user.updated', 2, 'expired']]);
    }
  });
});
