import type { Connection } from 'mongoose';
import { TenantsStream, UsersStream, type EventEnvelope } from '@lms/contracts';
import { JobRunner } from '@lms/jobs';
import { MONGO_CONNECTION, type Principal } from '@lms/service-kit';
import { eventually, uniqueSuffix } from '@lms/testing';
import {
  isolateTestEnvironment,
  recordStreams,
  type ServiceTestApp,
  type StreamRecorder,
} from '@lms/service-testing';
import { HOST_ADMINISTRATOR_ID, isVisible, startDeletion } from '../src/tenants/domain/tenant';
import { TENANT_REPOSITORY, type TenantRepository } from '../src/tenants/ports/tenant.repository';
import { USER_REPOSITORY, type UserRepository } from '../src/users/ports/user.repository';
import { startIdentity } from './support/identity-app';

// Read once, when the app module loads: small chunks, a quick poll, and a lease far longer
// than any test, so that only a release on shutdown lets another instance continue in time.
process.env.TENANT_DELETION_CHUNK_SIZE = '5';
process.env.JOB_POLL_INTERVAL_MS = '100';
process.env.JOB_LEASE_MS = '120000';
// The faults below make the service warn on purpose.
process.env.LOG_LEVEL = 'error';
isolateTestEnvironment('identity');

const SYSTEM_ADMINISTRATOR: Principal = {
  tenantId: '1000',
  userId: HOST_ADMINISTRATOR_ID,
  level: 'superadmin',
  roles: ['system_admin'],
};

interface StoredUser {
  _id: string;
  tenantId: string;
  state: string;
  version: number;
}

/**
 * A tenant's deletion as a job (ID-T2, rule 6), against the real broker and database: its
 * accounts' `user.updated` and then `tenant.deleted` are published; a refused write, a lost
 * enqueue and an instance stopping in the middle each delay it, and every account ends up
 * deactivated once.
 */
describe('tenant deletion as a job (real Kafka and Mongo)', () => {
  const apps: ServiceTestApp[] = [];
  let recorder: StreamRecorder;
  const received = (): EventEnvelope[] => recorder.envelopes();

  beforeAll(async () => {
    recorder = await recordStreams([UsersStream, TenantsStream], 'identity-tenant-deletion-it');
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await recorder?.stop();
  });

  async function startInstance(): Promise<ServiceTestApp> {
    const app = await startIdentity(SYSTEM_ADMINISTRATOR, HOST_ADMINISTRATOR_ID);
    apps.push(app);
    return app;
  }

  const users = (app: ServiceTestApp) =>
    app.app.get<Connection>(MONGO_CONNECTION).collection<StoredUser>('users');

  /** A new tenant, its first administrator, and `count` more accounts; the ids of them all. */
  async function givenTenant(
    app: ServiceTestApp,
    count: number,
  ): Promise<{ code: string; accountIds: string[] }> {
    const code = `del-${uniqueSuffix()}`;
    const created = await app.request('POST', '/v1/tenants', {
      code,
      name: `Tenant ${code}`,
      administrator: {
        email: `admin@${code}.example.com`,
        firstName: 'Ada',
        lastName: 'Admin',
        password: 'correct horse battery',
      },
    });
    expect(created.status).toBe(201);
    const administrator: Principal = {
      tenantId: code,
      userId: 'deletion-admin',
      level: 'superadmin',
      roles: ['application_admin'],
    };
    const accountIds = [(created.body as { administratorId: string }).administratorId];
    for (let i = 0; i < count; i++) {
      const user = await app.request(
        'POST',
        '/v1/users',
        {
          email: `user-${i}@${code}.example.com`,
          firstName: 'Lea',
          lastName: 'Learner',
          // The first may sign in; the others need no password (no hashing: a quicker set-up).
          ...(i === 0 ? { password: 'lea password 42' } : {}),
        },
        { as: administrator },
      );
      expect(user.status).toBe(201);
      accountIds.push((user.body as { id: string }).id);
    }
    return { code, accountIds };
  }

  async function expectDeleted(app: ServiceTestApp, code: string, timeoutMs = 60_000): Promise<void> {
    await eventually(
      async () =>
        expect(await app.app.get<TenantRepository>(TENANT_REPOSITORY).findById(code)).toMatchObject({
          state: 'deleted',
        }),
      { timeoutMs, intervalMs: 100 },
    );
  }

  /**
   * Every account of the tenant deactivated by one write each, with one `user.updated` each.
   * Publication is at least once (rule 1): an event the relay of a stopping instance and the
   * sweeper of another both sent arrives twice under one event id, and counts once.
   */
  async function expectEachAccountDeactivatedOnce(app: ServiceTestApp, code: string, accountIds: string[]) {
    const stored = await users(app).find({ tenantId: code }).toArray();
    expect(stored.map((user) => user._id).sort()).toEqual([...accountIds].sort());
    expect(new Set(stored.map((user) => `${user.state} v${user.version}`))).toEqual(
      new Set(['deactivated v2']),
    );
    const deactivations = await eventually(
      () => {
        const byId = new Map(
          received()
            .filter(
              (event) =>
                event.tenantId === code &&
                event.type === 'user.updated' &&
                (event.payload as { state: string }).state === 'deactivated',
            )
            .map((event) => [event.eventId, event]),
        );
        const events = [...byId.values()];
        expect(events).toHaveLength(accountIds.length);
        return events;
      },
      { timeoutMs: 30_000 },
    );
    expect(deactivations.map((event) => event.aggregateId).sort()).toEqual([...accountIds].sort());
    return deactivations;
  }

  it('answers 202 deleting at once, then publishes one user.updated per active account, deactivated, and tenant.deleted last', async () => {
    const identity = await startInstance();
    const { code, accountIds } = await givenTenant(identity, 17);

    const deleting = await identity.request('DELETE', `/v1/tenants/${code}`);
    const again = await identity.request('DELETE', `/v1/tenants/${code}`);
    const signIn = await identity.request(
      'POST',
      '/v1/auth/login',
      { tenant: code, email: `user-0@${code}.example.com`, password: 'lea password 42' },
      { as: null },
    );

    expect(deleting.status).toBe(202);
    expect(deleting.body).toMatchObject({ code, state: 'deleting', version: 3 });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ code, state: 'deleting', version: 3 });
    expect([signIn.status, (signIn.body as { code: string }).code]).toEqual([
      403,
      'AUTH.ACCOUNT_DEACTIVATED',
    ]);
    await expectDeleted(identity, code);
    const deactivations = await expectEachAccountDeactivatedOnce(identity, code, accountIds);
    const [deleted] = await eventually(() => {
      const events = received().filter(
        (event) => event.aggregateId === code && event.type === 'tenant.deleted',
      );
      expect(events).toHaveLength(1);
      return events;
    });
    expect(deleted).toMatchObject({ aggregateVersion: 4, payload: { code, state: 'deleted' } });
    const lastDeactivation = Math.max(...deactivations.map((event) => Date.parse(event.occurredAt)));
    expect(Date.parse(deleted.occurredAt)).toBeGreaterThanOrEqual(lastDeactivation);
    expect(received().filter((event) => event.tenantId === code && event.type === 'tenant.updated')).toEqual(
      [],
    );
  });

  it('a deletion whose database refuses one write in the middle resumes by itself and deactivates every account once', async () => {
    const identity = await startInstance();
    const { code, accountIds } = await givenTenant(identity, 22);
    const repository = identity.app.get<UserRepository>(USER_REPOSITORY);
    const update = repository.update.bind(repository);
    let writes = 0;
    repository.update = async (...args) => {
      if (++writes === 8) throw new Error('connection lost');
      return update(...args);
    };
    try {
      expect((await identity.request('DELETE', `/v1/tenants/${code}`)).status).toBe(202);

      await expectDeleted(identity, code);
      expect(identity.app.get(JobRunner).counters.failures).toBeGreaterThanOrEqual(1);
      await expectEachAccountDeactivatedOnce(identity, code, accountIds);
    } finally {
      repository.update = update;
    }
  });

  it('a tenant left deleting without a job, as a process that died right after the request leaves it, is deleted by the next start', async () => {
    const before = await startInstance();
    const { code, accountIds } = await givenTenant(before, 6);
    const tenants = before.app.get<TenantRepository>(TENANT_REPOSITORY);
    const active = await tenants.findById(code);
    if (!isVisible(active)) throw new Error('the tenant is not active');
    expect(await tenants.update(startDeletion(active, new Date()), active.version, [])).toBe('written');
    await before.close();

    const after = await startInstance();

    await expectDeleted(after, code);
    await expectEachAccountDeactivatedOnce(after, code, accountIds);
  });

  it('an instance that stops in the middle of a deletion finishes its chunk and hands the deletion over at once', async () => {
    const first = await startInstance();
    const second = await startInstance();
    const { code, accountIds } = await givenTenant(first, 149);

    expect((await first.request('DELETE', `/v1/tenants/${code}`)).status).toBe(202);
    await eventually(
      async () =>
        expect(await users(first).countDocuments({ tenantId: code, state: 'deactivated' })).toBeGreaterThan(
          0,
        ),
      { timeoutMs: 60_000, intervalMs: 5 },
    );
    const job = await first.app
      .get<Connection>(MONGO_CONNECTION)
      .collection<{ _id: string; leaseOwner: string | null }>('jobs')
      .findOne({ _id: `tenant.deletion:${code}` });
    const holder = [first, second].find((app) => app.app.get(JobRunner).owner === job?.leaseOwner);
    const other = holder === first ? second : first;
    expect(holder).toBeDefined();
    // What a shutdown does first (rule 7): the runner finishes the running chunk and gives the
    // lease up; the rest of the shutdown (consumers, connections) takes longer than the job.
    await holder?.app.get(JobRunner).stop();
    const deactivatedAtStop = await users(other).countDocuments({ tenantId: code, state: 'deactivated' });

    expect(deactivatedAtStop).toBeLessThan(accountIds.length);
    await holder?.close();
    await expectDeleted(other, code, 30_000);
    await expectEachAccountDeactivatedOnce(other, code, accountIds);
  });
});
