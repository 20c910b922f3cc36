import { UsersStream, type EnvelopeOf, type PayloadOf, type UserState } from '@lms/contracts';
import { EventFactory } from '@lms/messaging';
import { ACCOUNT_DEFAULTS } from '@lms/testing';
import { buildCoachingTestbed, TENANT } from '../testing/coaching-testbed';
import { UserEventsConsumer } from './user-events.consumer';

const ADA = '0195792b-0000-7000-8000-0000000000a1';
const identity = new EventFactory('identity');

function setUp() {
  const t = buildCoachingTestbed();
  return { t, consumer: new UserEventsConsumer(t.applyUserEvents) };
}

const person = {
  userId: ADA,
  email: 'ada@example.test',
  firstName: 'Ada',
  lastName: 'Lovelace',
  locale: 'it',
};

type UserEvents = typeof UsersStream.events;

/** An event of Ada as identity publishes it. */
function event<K extends keyof UserEvents & string>(
  type: K,
  version: number,
  payload: PayloadOf<UserEvents, K>,
): EnvelopeOf<UserEvents, K> {
  const entry = identity.create(UsersStream, type, {
    tenantId: TENANT,
    aggregateId: ADA,
    aggregateVersion: version,
    payload,
  });
  return entry.envelope as EnvelopeOf<UserEvents, K>;
}

function created(version = 1) {
  return event('user.created', version, {
    ...person,
    ...ACCOUNT_DEFAULTS,
    adminRoles: ['application_admin'],
    state: 'activated',
  });
}

function updated(version: number, changes: { state: UserState; expiresAt?: string | null }) {
  return event('user.updated', version, { ...person, ...ACCOUNT_DEFAULTS, level: 'power_user', ...changes });
}

function deleted(version: number) {
  return event('user.deleted', version, { userId: ADA });
}

describe('UserEventsConsumer', () => {
  it('given a user.created, then the user is projected at the envelope version with what coaching needs of it', async () => {
    const { t, consumer } = setUp();
    const event = created(4);

    await consumer.onUserEvents([event]);

    expect(await t.users.find(TENANT, ADA)).toEqual({
      tenantId: TENANT,
      ...person,
      state: 'activated',
      level: 'user',
      adminRoles: ['application_admin'],
      expiresAt: null,
      deleted: false,
      version: 4,
      updatedAt: new Date(event.occurredAt),
    });
  });

  it('given a user.updated, then the projection holds its new state, level and expiry', async () => {
    const { t, consumer } = setUp();
    await consumer.onUserEvents([created()]);

    await consumer.onUserEvents([
      updated(2, { state: 'deactivated', expiresAt: '2027-01-31T23:00:00.000Z' }),
    ]);

    expect(await t.users.find(TENANT, ADA)).toMatchObject({
      state: 'deactivated',
      level: 'power_user',
      adminRoles: [],
      expiresAt: new Date('2027-01-31T23:00:00.000Z'),
      version: 2,
    });
  });

  it('given a user.deleted and then an older user.updated, then the user stays a tombstone', async () => {
    const { t, consumer } = setUp();
    await consumer.onUserEvents([created(), deleted(3)]);

    await consumer.onUserEvents([updated(2, { state: 'active' })]);

    expect(await t.users.find(TENANT, ADA)).toMatchObject({ deleted: true, email: null, version: 3 });
  });
});
