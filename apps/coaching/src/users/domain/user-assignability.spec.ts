import { FixedClock } from '@lms/testing';
import type { CoachingUser } from './coaching-user';
import { unassignableAmong, whyUnassignable } from './user-assignability';

const clock = new FixedClock('2025-03-10T09:00:00.000Z');

function user(overrides: Partial<CoachingUser> = {}): CoachingUser {
  return {
    tenantId: 't',
    userId: 'user-1',
    email: 'ada@example.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    locale: 'en',
    state: 'active',
    level: 'user',
    adminRoles: [],
    expiresAt: null,
    deleted: false,
    version: 1,
    updatedAt: new Date('2025-03-01T00:00:00.000Z'),
    ...overrides,
  };
}

describe('whyUnassignable', () => {
  it.each(['activated', 'active'] as const)('given a known %s user, then it may be assigned', (state) => {
    expect(whyUnassignable(user({ state }), clock.now())).toBeNull();
  });

  it('given a user the projection never saw, then it is unknown', () => {
    expect(whyUnassignable(null, clock.now())).toBe('unknown');
  });

  it('given a deleted user, then it is deleted, whatever its last state', () => {
    expect(whyUnassignable(user({ deleted: true, state: null }), clock.now())).toBe('deleted');
    expect(whyUnassignable(user({ deleted: true, state: 'active' }), clock.now())).toBe('deleted');
  });

  it.each(['deactivated', 'expired'] as const)('given a %s user, then that is the reason', (state) => {
    expect(whyUnassignable(user({ state }), clock.now())).toBe(state);
  });

  it('given an active user whose expiry has come, then it is expired before identity says so', () => {
    expect(whyUnassignable(user({ expiresAt: clock.now() }), clock.now())).toBe('expired');
    expect(
      whyUnassignable(user({ expiresAt: new Date('2025-03-10T09:00:00.001Z') }), clock.now()),
    ).toBeNull();
  });

  it('given a user without a known state, then it is unknown', () => {
    expect(whyUnassignable(user({ state: null }), clock.now())).toBe('unknown');
  });
});

describe('unassignableAmong', () => {
  it('given the users found of those asked, then it names each one that may not be assigned with its reason, once, in the order asked', () => {
    const found = [
      user({ userId: 'gone', deleted: true, state: null }),
      user({ userId: 'ok' }),
      user({ userId: 'off', state: 'deactivated' }),
      user({ userId: 'new', state: 'activated' }),
    ];

    expect(unassignableAmong(['ok', 'off', 'missing', 'gone', 'off', 'new'], found, clock.now())).toEqual([
      { userId: 'off', reason: 'deactivated' },
      { userId: 'missing', reason: 'unknown' },
      { userId: 'gone', reason: 'deleted' },
    ]);
    expect(unassignableAmong(['ok', 'new'], found, clock.now())).toEqual([]);
  });
});
