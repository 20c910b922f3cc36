import { UsersStream } from '@lms/contracts';
import { brokersFromEnv, createKafka, type OutboxEntry } from '@lms/messaging';
import { createLogger } from '@lms/observability';
import { eventually, uniqueSuffix } from '@lms/testing';
import { isolateTestEnvironment, startServiceApp, type ServiceTestApp } from '@lms/service-testing';
import type { Kafka } from 'kafkajs';
import { whyUnassignable } from '../src/users/domain/user-assignability';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import {
  aUserState,
  IdentityEvents,
  sendAndWaitUntilConsumed,
  untilTheServiceConsumesUsers,
} from './support/identity-events';

const logger = createLogger('coaching-int-test', { level: 'warn' });

/**
 * Identity's users stream keeps coaching's projection of users (rules 2 and 8): real
 * `user.*` envelopes on the real topic, the service's own consumer, the real database.
 */
describe("coaching's projection of users against Kafka and Mongo (rules 2 and 8)", () => {
  const tenantId = `coaching-it-${uniqueSuffix()}`;
  let consumerGroup: string;
  let service: ServiceTestApp;
  let kafka: Kafka;
  let identity: IdentityEvents;
  let users: CoachingUserRepository;

  beforeAll(async () => {
    ({ consumerGroup } = isolateTestEnvironment('coaching'));
    const { AppModule } = await import('../src/app.module');
    service = await startServiceApp(AppModule, { globalPrefix: 'v1', caller: { tenantId } });
    users = service.app.get<CoachingUserRepository>(COACHING_USER_REPOSITORY);
    kafka = createKafka({ brokers: brokersFromEnv(process.env), clientId: 'coaching-int-test' }, logger);
    identity = new IdentityEvents(kafka, tenantId);
    await untilTheServiceConsumesUsers(identity, users, tenantId);
  });

  afterAll(async () => {
    await identity?.close();
    await service?.close();
  });

  /** Sends the events and waits until the service has handled them, applied or ignored. */
  function sendAndWait(...entries: OutboxEntry[]): Promise<void> {
    return sendAndWaitUntilConsumed(kafka, consumerGroup, UsersStream, () => identity.send(...entries));
  }

  it('given users created, updated and deleted, some events of a user out of order, then the projection converges to each newest state', async () => {
    const ada = aUserState('Ada', 'Lovelace');
    const grace = aUserState('Grace', 'Hopper');
    const linus = aUserState('Linus', 'Torvalds');
    const many = Array.from({ length: 50 }, (_, i) => aUserState('Learner', `Number${i}`));

    await identity.send(
      identity.userState('user.created', ada, 1),
      identity.userState('user.updated', { ...ada, lastName: 'King', state: 'active' }, 2),
      // Grace's newer event first: the older one after it must not win.
      identity.userState('user.updated', { ...grace, state: 'deactivated' }, 2),
      identity.userState('user.created', grace, 1),
      identity.userState('user.created', linus, 1),
      identity.userDeleted(linus.userId, 2),
      ...many.map((user) => identity.userState('user.created', user, 1)),
      ...many.map((user) => identity.userState('user.updated', { ...user, state: 'active' }, 2)),
    );

    await eventually(
      async () => {
        const stored = await users.findMany(tenantId, [
          ada.userId,
          grace.userId,
          linus.userId,
          ...many.map((u) => u.userId),
        ]);
        expect(stored).toHaveLength(53);
        expect(stored.every((user) => user.version === 2)).toBe(true);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(await users.find(tenantId, ada.userId)).toMatchObject({
      email: ada.email,
      firstName: 'Ada',
      lastName: 'King',
      state: 'active',
      level: 'user',
      deleted: false,
    });
    expect(await users.find(tenantId, grace.userId)).toMatchObject({ state: 'deactivated', version: 2 });
    expect(await users.find(tenantId, linus.userId)).toMatchObject({
      deleted: true,
      email: null,
      version: 2,
    });
    const now = new Date();
    expect(whyUnassignable(await users.find(tenantId, ada.userId), now)).toBeNull();
    expect(whyUnassignable(await users.find(tenantId, grace.userId), now)).toBe('deactivated');
    expect(whyUnassignable(await users.find(tenantId, linus.userId), now)).toBe('deleted');
    expect(whyUnassignable(await users.find(tenantId, aUserState('Never', 'Seen').userId), now)).toBe(
      'unknown',
    );
  });

  it('given the projection at a newer version, when an event is delivered again and an older one arrives late, then nothing changes', async () => {
    const ada = aUserState('Ada', 'Byron');
    const linus = aUserState('Linus', 'Pauling');
    const deactivated = identity.userState(
      'user.updated',
      { ...ada, lastName: 'King', state: 'deactivated' },
      3,
    );
    await sendAndWait(
      identity.userState('user.created', ada, 1),
      deactivated,
      identity.userState('user.created', linus, 1),
      identity.userDeleted(linus.userId, 2),
    );
    expect(await users.find(tenantId, ada.userId)).toMatchObject({ lastName: 'King', version: 3 });
    const before = await users.find(tenantId, ada.userId);

    await sendAndWait(
      // The same envelope again, as a redelivery after a crash brings it.
      deactivated,
      // Older than what is applied, arriving late.
      identity.userState('user.updated', { ...ada, lastName: 'Stale', state: 'active' }, 2),
      identity.userState('user.updated', { ...linus, state: 'active' }, 1),
    );

    expect(await users.find(tenantId, ada.userId)).toEqual(before);
    expect(await users.find(tenantId, linus.userId)).toMatchObject({
      deleted: true,
      state: null,
      firstName: null,
      version: 2,
    });
  });
});
