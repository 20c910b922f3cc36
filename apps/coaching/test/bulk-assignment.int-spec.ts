import { UsersStream } from '@lms/contracts';
import { newId } from '@lms/kernel';
import { brokersFromEnv, createKafka } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import { AssignmentEventsCollector } from './support/assignment-events.collector';
import { aUserState, IdentityEvents, sendAndWaitUntilConsumed } from './support/identity-events';

// Read when the app module loads: chunks of 40, so that the bulk takes several.
process.env.FAN_OUT_CHUNK_SIZE = '40';

const MENTEES = 150;
const logger = createLogger('coaching-int-test', { level: 'warn' });

interface BulkBody {
  id: string;
  state: string;
  total: number;
  processed: number;
  counts: Record<string, number>;
  results: Array<{ menteeId: string; outcome: string; assignmentId?: string }>;
}

/**
 * Bulk assignment over HTTP (CO-A3), against the real broker and database: users and
 * memberships arrive on identity's topics, the bins are read, the bulk is accepted at once and
 * done by the job runner in chunks, each mentee assigned once with one event.
 */
describe('bulk assignment (real Kafka and Mongo)', () => {
  const tenantId = `coaching-bulk-${uniqueSuffix()}`;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let reader: AssignmentEventsCollector;
  let consumerGroup: string;

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-bulk-it' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    reader = new AssignmentEventsCollector(kafka, logger, tenantId);
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await identity?.close();
    await service?.close();
  });

  it('assigns every chosen member once, tells what became of the others, and sorts the bins accordingly', async () => {
    const group = newId();
    const coach = aUserState('Carla', 'Coach');
    const learners = Array.from({ length: MENTEES }, (_, i) => aUserState('Learner', `No${i}`));
    const users = service.app.get<CoachingUserRepository>(COACHING_USER_REPOSITORY);
    const memberships = service.app.get<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY);
    await eventually(
      async () => {
        await sendAndWaitUntilConsumed(kafka, consumerGroup, UsersStream, () =>
          identity.send(...[coach, ...learners].map((user) => identity.userState('user.created', user, 1))),
        );
        expect(await users.findMany(tenantId, [coach.userId, ...learners.map((l) => l.userId)])).toHaveLength(
          MENTEES + 1,
        );
      },
      { timeoutMs: 60_000 },
    );
    await identity.send(
      ...learners.map((learner) => identity.membershipAdded(group, learner.userId, ['learner'])),
    );
    await eventually(
      async () =>
        expect(
          await memberships.listActiveWithAnyRole(tenantId, group, ['learner'], {
            afterUserId: null,
            limit: 500,
          }),
        ).toHaveLength(MENTEES),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const chosen = learners.slice(0, MENTEES - 10).map((learner) => learner.userId);
    const stranger = newId();

    const accepted = await service.request('POST', '/v1/assignments/bulk', {
      groupId: group,
      roles: ['learner'],
      coachIds: [coach.userId],
      menteeIds: [...chosen, stranger],
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ state: 'running', total: chosen.length + 1 });
    const { id } = accepted.body as BulkBody;
    expect(accepted.headers.location).toBe(`bulk/${id}`);

    const done = await eventually(
      async () => {
        const progress = await service.request('GET', `/v1/assignments/bulk/${id}`);
        expect((progress.body as BulkBody).state).toBe('finished');
        return progress.body as BulkBody;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(done).toMatchObject({
      processed: chosen.length + 1,
      counts: { created: chosen.length, unassignable: 1 },
    });
    const created = new Set(
      done.results.flatMap((result) => (result.assignmentId ? [result.assignmentId] : [])),
    );
    await eventually(() =>
      expect(reader.of('assignment.created').filter((event) => created.has(event.aggregateId))).toHaveLength(
        chosen.length,
      ),
    );

    const bins = await service.request(
      'GET',
      `/v1/assignments/bulk-candidates?groupId=${group}&roles=learner&coachIds=${coach.userId}`,
    );
    expect(bins.status).toBe(200);
    const { assigned, unassigned } = bins.body as { assigned: string[]; unassigned: string[] };
    expect(new Set(assigned)).toEqual(new Set(chosen));
    expect(new Set(unassigned)).toEqual(
      new Set(learners.slice(MENTEES - 10).map((learner) => learner.userId)),
    );

    // The same bulk again: every one of them already has the coach.
    const again = await service.request('POST', '/v1/assignments/bulk', {
      groupId: group,
      roles: ['learner'],
      coachIds: [coach.userId],
      menteeIds: chosen.slice(0, 5),
    });
    const second = await eventually(async () => {
      const progress = await service.request('GET', `/v1/assignments/bulk/${(again.body as BulkBody).id}`);
      expect((progress.body as BulkBody).state).toBe('finished');
      return progress.body as BulkBody;
    });
    expect(second.counts).toEqual({ already_assigned: 5 });
  }, 180_000);
});
