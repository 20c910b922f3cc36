import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { UsersStream, type EventEnvelope } from '@lms/contracts';
import { JobRunner } from '@lms/jobs';
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
import { startBulkStateChange } from '../src/users/domain/bulk-state-change';
import {
  BULK_STATE_CHANGE_REPOSITORY,
  type BulkStateChangeRepository,
} from '../src/users/ports/bulk-state-change.repository';
import { RunBulkStateChangeUseCase } from '../src/users/use-cases/run-bulk-state-change.use-case';
import { startIdentity } from './support/identity-app';
import { expectProblem } from '@lms/service-testing';

// Read once, when the app module loads: several chunks per change, and a quick poll.
process.env.BULK_STATE_CHUNK_SIZE = '25';
process.env.JOB_POLL_INTERVAL_MS = '100';
// The refused write below makes the service warn on purpose.
process.env.LOG_LEVEL = 'error';
isolateTestEnvironment('identity');

interface BulkStateChangeBody {
  id: string;
  state: string;
  action: string;
  total: number;
  processed: number;
  results: Array<{ userId: string; outcome: string }>;
}

function administratorOf(tenantId: string): Principal {
  return { tenantId, userId: 'bulk-admin', level: 'superadmin', roles: ['application_admin'] };
}

/**
 * A bulk state change as a job (ID-U5, rule 6), against the real broker and database: the
 * request answers 202 at once, its Location tells how far it got, and a chunk run again after
 * its progress was refused changes nobody twice.
 */
describe('bulk state changes as jobs (real Kafka and Mongo)', () => {
  let service: ServiceTestApp;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    service = await startIdentity(administratorOf(`bulk-${uniqueSuffix()}`), 'bulk-admin');
    recorder = await recordStreams([UsersStream], 'identity-bulk-state-it');
  });

  afterAll(async () => {
    await recorder?.stop();
    await service?.close();
  });

  async function givenUsers(tenantId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await service.request(
        'POST',
        '/v1/users',
        { email: `user-${i}-${uniqueSuffix()}@example.com`, firstName: 'Lea', lastName: 'Learner' },
        { as: administratorOf(tenantId) },
      );
      expect(created.status).toBe(201);
      ids.push((created.body as { id: string }).id);
    }
    return ids;
  }

  const storedUsers = (tenantId: string) =>
    service.app
      .get<Connection>(MONGO_CONNECTION)
      .collection<{ _id: string; state: string; version: number }>('users')
      .find({ tenantId })
      .toArray();

  /** Starts a bulk change; its id and the path its Location resolves to. */
  async function start(
    principal: Principal,
    body: { userIds: string[]; action: string },
  ): Promise<{ started: TestResponse; location: string }> {
    const started = await service.request('POST', '/v1/users/bulk-state', body, { as: principal });
    expect(started.status).toBe(202);
    const location = new URL(String(started.headers.location), 'http://identity/v1/users/bulk-state')
      .pathname;
    return { started, location };
  }

  async function untilFinished(principal: Principal, location: string): Promise<BulkStateChangeBody> {
    return eventually(
      async () => {
        const status = await service.request('GET', location, undefined, { as: principal });
        expect(status.body).toMatchObject({ state: 'finished' });
        return status.body as BulkStateChangeBody;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  /** The distinct `user.updated` events of these users (a redelivery repeats an event id). */
  function deactivationsOf(userIds: readonly string[], expected: number): Promise<EventEnvelope[]> {
    const ours = new Set(userIds);
    return eventually(
      () => {
        const byId = new Map(
          recorder
            .envelopes()
            .filter((event) => ours.has(event.aggregateId) && event.type === 'user.updated')
            .map((event) => [event.eventId, event]),
        );
        expect(byId.size).toBe(expected);
        return [...byId.values()];
      },
      { timeoutMs: 30_000 },
    );
  }

  it('deactivates 120 users chunk by chunk, answering 202 at once, and ends finished with what became of each id', async () => {
    const tenantId = `bulk-${uniqueSuffix()}`;
    const admin = administratorOf(tenantId);
    const userIds = await givenUsers(tenantId, 120);
    for (const id of userIds.slice(0, 2))
      expect(
        (await service.request('POST', `/v1/users/${id}/deactivate`, undefined, { as: admin })).status,
      ).toBe(200);
    const missing = randomUUID();

    const { started, location } = await start(admin, {
      userIds: [...userIds, missing, userIds[5]],
      action: 'deactivate',
    });

    const { id } = started.body as BulkStateChangeBody;
    expect(location).toBe(`/v1/users/bulk-state/${id}`);
    expect(started.body).toMatchObject({ id, action: 'deactivate', total: 121 });
    const finished = await untilFinished(admin, location);
    expect(finished).toEqual({
      id,
      state: 'finished',
      action: 'deactivate',
      total: 121,
      processed: 121,
      results: [
        ...userIds.slice(0, 2).map((userId) => ({ userId, outcome: 'unchanged' })),
        ...userIds.slice(2).map((userId) => ({ userId, outcome: 'changed' })),
        { userId: missing, outcome: 'not_found' },
      ],
    });
    const events = await deactivationsOf(userIds, 120);
    expect(events.every((event) => (event.payload as { state: string }).state === 'deactivated')).toBe(true);
    expect(new Set((await storedUsers(tenantId)).map((user) => `${user.state} v${user.version}`))).toEqual(
      new Set(['deactivated v2']),
    );
  });

  it('given a chunk whose progress the database refused, then the chunk runs again and nobody changes twice; a chunk run after the end changes nothing', async () => {
    const tenantId = `bulk-${uniqueSuffix()}`;
    const admin = administratorOf(tenantId);
    const userIds = await givenUsers(tenantId, 60);
    const repository = service.app.get<BulkStateChangeRepository>(BULK_STATE_CHANGE_REPOSITORY);
    const update = repository.update.bind(repository);
    let saves = 0;
    repository.update = async (...args) => {
      if (++saves === 2) throw new Error('connection lost');
      return update(...args);
    };
    const failuresBefore = service.app.get(JobRunner).counters.failures;
    try {
      const { started, location } = await start(admin, { userIds, action: 'deactivate' });
      const finished = await untilFinished(admin, location);

      expect(service.app.get(JobRunner).counters.failures).toBeGreaterThan(failuresBefore);
      expect(finished.results.map((result) => result.userId)).toEqual(userIds);
      // The second chunk changed its users before its save was refused; run again, it finds them changed.
      expect(finished.results.map((result) => result.outcome)).toEqual([
        ...userIds.slice(0, 25).map(() => 'changed'),
        ...userIds.slice(25, 50).map(() => 'unchanged'),
        ...userIds.slice(50).map(() => 'changed'),
      ]);
      await deactivationsOf(userIds, 60);

      const id = (started.body as BulkStateChangeBody).id;
      expect(
        await service.app.get(RunBulkStateChangeUseCase).runChunk({ tenantId, bulkStateChangeId: id }),
      ).toEqual({
        more: false,
      });
      expect((await service.request('GET', location, undefined, { as: admin })).body).toEqual(finished);
      expect(new Set((await storedUsers(tenantId)).map((user) => `${user.state} v${user.version}`))).toEqual(
        new Set(['deactivated v2']),
      );
    } finally {
      repository.update = update;
    }
  });

  it('a change left running without a job, as a process that died right after the request leaves it, is run by the next start', async () => {
    const tenantId = `bulk-${uniqueSuffix()}`;
    const admin = administratorOf(tenantId);
    const userIds = await givenUsers(tenantId, 30);
    const change = startBulkStateChange(
      { id: newId(), actor: admin, action: 'deactivate', userIds },
      new Date(),
    );
    await service.app.get<BulkStateChangeRepository>(BULK_STATE_CHANGE_REPOSITORY).insert(change);

    const next = await startIdentity(admin, 'bulk-admin');
    try {
      const finished = await untilFinished(admin, `/v1/users/bulk-state/${change.id}`);

      expect(finished.results).toEqual(userIds.map((userId) => ({ userId, outcome: 'changed' })));
      await deactivationsOf(userIds, 30);
    } finally {
      await next.close();
    }
  });

  it('is answered to the account that started it and to those who manage every user; another account is refused, another tenant finds nothing', async () => {
    const tenantId = `bulk-${uniqueSuffix()}`;
    const powerUser = (userId: string): Principal => ({ tenantId, userId, level: 'power_user', roles: [] });
    const starter = powerUser(randomUUID());
    const { location } = await start(starter, { userIds: [randomUUID()], action: 'activate' });

    const asStarter = await untilFinished(starter, location);
    const asAdministrator = await service.request('GET', location, undefined, {
      as: administratorOf(tenantId),
    });

    expect(asStarter.results).toEqual([{ userId: expect.any(String), outcome: 'not_found' }]);
    expect(asAdministrator.body).toEqual(asStarter);
    expectProblem(
      await service.request('GET', location, undefined, { as: powerUser(randomUUID()) }),
      403,
      'USER.FORBIDDEN',
    );
    expectProblem(
      await service.request('GET', location, undefined, { as: administratorOf(`bulk-${uniqueSuffix()}`) }),
      404,
      'USER.BULK_STATE_CHANGE_NOT_FOUND',
    );
    expectProblem(
      await service.request('GET', '/v1/users/bulk-state/not-an-id', undefined, { as: starter }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
  });
});
