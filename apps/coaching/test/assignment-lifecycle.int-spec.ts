import { UsersStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import type { Assignment } from '../src/assignments/domain/assignment';
import {
  ASSIGNMENT_REPOSITORY,
  type AssignmentRepository,
} from '../src/assignments/ports/assignment.repository';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import { AssignmentEventsCollector } from './support/assignment-events.collector';
import { aUserState, IdentityEvents, sendAndWaitUntilConsumed } from './support/identity-events';

// Read when the app module loads: both instances sweep the calendar every 100 ms.
process.env.ASSIGNMENT_CALENDAR_INTERVAL_MS = '100';
process.env.ASSIGNMENT_CALENDAR_BATCH = '7';

const logger = createLogger('coaching-int-test', { level: 'warn' });

interface Body {
  id: string;
  status: string;
  active: boolean;
  version: number;
  code?: string;
  users?: unknown[];
}

/**
 * Individual assignments through their life over HTTP (CO-A1, CO-A4..A6, CO-A8, CO-A9), with
 * coaches and mentees checked against the users projection fed by the real users topic, and
 * the calendar sweep run by two instances at once against the real database.
 */
describe('individual assignments through their life (real Kafka and Mongo)', () => {
  const tenantId = `coaching-lifecycle-${uniqueSuffix()}`;
  const instances: ServiceTestApp[] = [];
  let kafka: Kafka;
  let identity: IdentityEvents;
  let collector: AssignmentEventsCollector;
  let consumerGroup: string;
  const [mentee, coach1, coach2] = [
    aUserState('Mia', 'Mentee'),
    aUserState('Carl', 'Coach'),
    aUserState('Cleo', 'Coach'),
  ];

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    const { AppModule } = await import('../src/app.module');
    for (let i = 0; i < 2; i++)
      instances.push(await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } }));
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-lifecycle-it' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    collector = new AssignmentEventsCollector(kafka, logger, tenantId);
    await collector.start();
    const users = instances[0].app.get<CoachingUserRepository>(COACHING_USER_REPOSITORY);
    await eventually(
      async () => {
        await sendAndWaitUntilConsumed(kafka, consumerGroup, UsersStream, () =>
          identity.send(
            ...[mentee, coach1, coach2].map((user) => identity.userState('user.created', user, 1)),
          ),
        );
        expect(await users.findMany(tenantId, [mentee.userId, coach1.userId, coach2.userId])).toHaveLength(3);
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await collector?.stop();
    await identity?.close();
    await Promise.all(instances.map((instance) => instance.close()));
  });

  const [a, b] = [() => instances[0], () => instances[1]];

  it('creates one backdated with two coaches, edits, deactivates and ends it, each answer the new state, each change one event', async () => {
    const created = await a().request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [coach1.userId, coach2.userId],
      startDate: '2025-01-15',
    });
    expect(created.status).toBe(201);
    const { id } = created.body as Body;
    expect(created.body).toMatchObject({
      status: 'current',
      active: true,
      startDate: '2025-01-15',
      version: 1,
    });

    const edited = await b().request('PATCH', `/v1/assignments/${id}`, { endDate: '2099-12-31' });
    expect(edited).toMatchObject({ status: 200, body: { endDate: '2099-12-31', version: 2 } });
    expect(edited.headers.etag).toBe('"2"');
    const stale = await a().request('POST', `/v1/assignments/${id}/deactivate`, undefined, {
      headers: { 'if-match': '"1"' },
    });
    expect(stale).toMatchObject({ status: 412, body: { code: 'REQUEST.STALE_VERSION' } });
    const off = await a().request('POST', `/v1/assignments/${id}/deactivate`, undefined, {
      headers: { 'if-match': '"2"' },
    });
    expect(off).toMatchObject({ status: 200, body: { active: false, status: 'current', version: 3 } });
    const listed = await b().request('GET', `/v1/assignments?menteeId=${mentee.userId}&active=false`);
    expect((listed.body as { items: Body[] }).items.map((item) => item.id)).toEqual([id]);

    expect(await a().request('POST', `/v1/assignments/${id}/end`)).toMatchObject({
      status: 200,
      body: { status: 'ended', endReason: 'ended-now', version: 4 },
    });
    expect(await b().request('POST', `/v1/assignments/${id}/end`)).toMatchObject({
      status: 409,
      body: { code: 'ASSIGNMENT.ALREADY_ENDED' },
    });
    await eventually(() =>
      expect(
        collector.events
          .filter((event) => event.aggregateId === id)
          .map((event) => [event.type, event.aggregateVersion]),
      ).toEqual([
        ['assignment.created', 1],
        ['assignment.updated', 2],
        ['assignment.updated', 3],
        ['assignment.ended', 4],
      ]),
    );
  });

  it('refuses a coach coaching has never heard of and the mentee as its own coach, writing nothing', async () => {
    const stranger = newId();
    const unknown = await a().request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [stranger],
    });
    expect(unknown).toMatchObject({
      status: 422,
      body: {
        code: 'ASSIGNMENT.USERS_NOT_ASSIGNABLE',
        users: [{ userId: stranger, as: 'coach', reason: 'unknown' }],
      },
    });
    const self = await a().request('POST', '/v1/assignments', {
      menteeId: mentee.userId,
      coachIds: [mentee.userId],
    });
    expect(self).toMatchObject({ status: 422, body: { code: 'ASSIGNMENT.SELF_COACHING' } });
  });

  it('refuses deletion without the word, naming end as the alternative; with it the assignment is gone from reads and lists', async () => {
    const created = await a().request('POST', '/v1/assignments', {
      menteeId: coach2.userId,
      coachIds: [coach1.userId],
    });
    const { id } = created.body as Body;

    const refused = await b().request('DELETE', `/v1/assignments/${id}`);
    expect(refused).toMatchObject({
      status: 422,
      body: {
        code: 'ASSIGNMENT.DELETE_NOT_CONFIRMED',
        alternative: `/api/v1/coaching/assignments/${id}/end`,
      },
    });
    expect((await b().request('DELETE', `/v1/assignments/${id}?confirm=DELETE`)).status).toBe(204);
    expect((await a().request('GET', `/v1/assignments/${id}`)).status).toBe(404);
    const listed = await a().request('GET', `/v1/assignments?menteeId=${coach2.userId}`);
    expect((listed.body as { items: Body[] }).items).toEqual([]);
  });

  it('given current assignments whose end date has passed, then the two instances sweeping at once expire each exactly once', async () => {
    const repository = a().app.get<AssignmentRepository>(ASSIGNMENT_REPOSITORY);
    const at = new Date('2025-01-01T08:00:00.000Z');
    // Written as the service wrote them days ago, before their end dates passed.
    const due: Assignment[] = Array.from({ length: 30 }, () => ({
      id: newId(),
      tenantId,
      menteeId: mentee.userId,
      coachIds: [coach1.userId],
      origin: 'individual',
      groupAssignmentId: null,
      groupId: null,
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      status: 'current',
      active: true,
      createdAt: at,
      updatedAt: at,
      endedAt: null,
      endReason: null,
      deletedAt: null,
      membershipVersion: null,
      lastInteractionAt: null,
      expiryNoticeSentFor: null,
      version: 1,
    }));
    for (const assignment of due) await repository.insert({ assignment, outbox: [] });

    await eventually(
      async () => {
        for (const { id } of due) expect((await repository.findById(tenantId, id))?.status).toBe('expired');
      },
      { timeoutMs: 30_000 },
    );
    const ids = new Set(due.map((assignment) => assignment.id));
    await eventually(() =>
      expect(collector.of('assignment.expired').filter((event) => ids.has(event.aggregateId))).toHaveLength(
        30,
      ),
    );
    // A little longer: a second sweep of either instance must not expire any of them again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const expired = collector.of('assignment.expired').filter((event) => ids.has(event.aggregateId));
    expect(new Set(expired.map((event) => event.aggregateId)).size).toBe(30);
    expect(expired).toHaveLength(30);
    for (const { id } of due) expect((await repository.findById(tenantId, id))?.version).toBe(2);

    const reactivated = await b().request('POST', `/v1/assignments/${due[0].id}/reactivate`, {});
    expect(reactivated).toMatchObject({
      status: 200,
      body: { status: 'current', endDate: null, version: 3 },
    });
  });
});
