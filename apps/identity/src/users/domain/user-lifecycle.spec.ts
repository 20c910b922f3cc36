import { registerUser, type User } from './user';
import {
  activateUser,
  applyUserChanges,
  deactivateUser,
  expireIfDue,
  markUserDeleted,
  recordFirstCourseAccess,
  withAdminRoles,
} from './user-lifecycle';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-03T09:00:00.000Z');
const past = new Date('2026-03-01T00:00:00.000Z');
const future = new Date('2027-01-01T00:00:00.000Z');

function user(overrides: Partial<User> = {}): User {
  return {
    ...registerUser(
      { id: 'user-1', tenantId: 'acme', email: 'Ada@Example.com', firstName: 'Ada', lastName: 'Lovelace' },
      at,
    ),
    ...overrides,
  };
}

function changed(decision: { outcome: string; user?: User }): User {
  if (decision.outcome !== 'changed' || !decision.user)
    throw new Error(`expected a change, got ${decision.outcome}`);
  return decision.user;
}

describe('user states (ID-U3)', () => {
  it('given an activated or active user, when deactivated, then it is deactivated at the next version', () => {
    for (const state of ['activated', 'active'] as const)
      expect(deactivateUser(user({ state }), later)).toEqual({
        outcome: 'changed',
        user: user({ state: 'deactivated', updatedAt: later, version: 2 }),
      });
    expect(deactivateUser(user({ state: 'deactivated' }), later)).toEqual({ outcome: 'unchanged' });
  });

  it('given a deactivated user, when activated, then active if it ever opened a course, else activated', () => {
    expect(changed(activateUser(user({ state: 'deactivated' }), later)).state).toBe('activated');
    expect(changed(activateUser(user({ state: 'deactivated', firstAccessAt: at }), later)).state).toBe(
      'active',
    );
    expect(activateUser(user({ state: 'active' }), later)).toEqual({ outcome: 'unchanged' });
  });

  it('given an expired user, then neither activating nor deactivating changes it', () => {
    const expired = user({ state: 'expired', stateBeforeExpiry: 'activated', expiresAt: past });

    expect(activateUser(expired, later)).toEqual({ outcome: 'expired' });
    expect(deactivateUser(expired, later)).toEqual({ outcome: 'expired' });
  });

  it('given an expiry that has passed, then the user expires remembering its state; before that, or once expired, nothing changes', () => {
    for (const state of ['activated', 'active', 'deactivated'] as const)
      expect(changed(expireIfDue(user({ state, expiresAt: past }), later))).toMatchObject({
        state: 'expired',
        stateBeforeExpiry: state,
        version: 2,
      });
    expect(expireIfDue(user({ expiresAt: future }), later)).toEqual({ outcome: 'unchanged' });
    expect(expireIfDue(user({ expiresAt: null }), later)).toEqual({ outcome: 'unchanged' });
    expect(expireIfDue(user({ state: 'expired', expiresAt: past }), later)).toEqual({ outcome: 'unchanged' });
    expect(expireIfDue(user({ expiresAt: past, deletedAt: at }), later)).toEqual({ outcome: 'unchanged' });
  });

  it('given an expired user, when its expiry moves to the future, then it returns to the state it had, never straight to active', () => {
    for (const before of ['activated', 'active', 'deactivated'] as const) {
      const expired = changed(expireIfDue(user({ state: before, expiresAt: past }), at));

      const restored = changed(applyUserChanges(expired, { expiresAt: future }, later));

      expect(restored).toMatchObject({ state: before, stateBeforeExpiry: null, expiresAt: future });
    }
    const expired = changed(expireIfDue(user({ expiresAt: past }), at));
    expect(changed(applyUserChanges(expired, { expiresAt: null }, later)).state).toBe('activated');
  });

  it('given an expiry set in the past, then the user expires at once', () => {
    expect(changed(applyUserChanges(user({ state: 'active' }), { expiresAt: past }, later))).toMatchObject({
      state: 'expired',
      stateBeforeExpiry: 'active',
      expiresAt: past,
    });
  });

  it('given the first course access, then activated becomes active, once', () => {
    const first = changed(recordFirstCourseAccess(user(), at, later));

    expect(first).toMatchObject({ state: 'active', firstAccessAt: at, version: 2 });
    expect(recordFirstCourseAccess(first, later, later)).toEqual({ outcome: 'unchanged' });
  });

  it('given the first course access of a deactivated or expired user, then its state stays, and it returns to active later', () => {
    const deactivated = changed(recordFirstCourseAccess(user({ state: 'deactivated' }), at, later));
    expect(deactivated).toMatchObject({ state: 'deactivated', firstAccessAt: at });
    expect(changed(activateUser(deactivated, later)).state).toBe('active');

    const expired = user({ state: 'expired', stateBeforeExpiry: 'activated', expiresAt: past });
    const recorded = changed(recordFirstCourseAccess(expired, at, later));
    expect(recorded).toMatchObject({ state: 'expired', stateBeforeExpiry: 'active' });
    expect(changed(applyUserChanges(recorded, { expiresAt: future }, later)).state).toBe('active');
  });
});

describe('applyUserChanges (ID-U1, ID-U2)', () => {
  it('changes the fields given, trimmed, at the next version', () => {
    expect(
      changed(
        applyUserChanges(
          user(),
          { firstName: ' Augusta ', locale: 'it', customFields: { COUNTRY: 'UK' }, level: 'power_user' },
          later,
        ),
      ),
    ).toEqual(
      user({
        firstName: 'Augusta',
        locale: 'it',
        customFields: { COUNTRY: 'UK' },
        level: 'power_user',
        updatedAt: later,
        version: 2,
      }),
    );
  });

  it('given nothing different, then nothing to write', () => {
    const ada = user({ customFields: { a: '1', b: '2' } });

    expect(
      applyUserChanges(ada, { firstName: 'Ada', customFields: { b: '2', a: '1' }, expiresAt: null }, later),
    ).toEqual({ outcome: 'unchanged' });
  });
});

describe('markUserDeleted', () => {
  it('keeps the data and state, sets deletedAt, and frees the email for a new account', () => {
    const deleted = markUserDeleted(user({ state: 'active' }), later);

    expect(deleted).toMatchObject({
      state: 'active',
      email: 'Ada@Example.com',
      deletedAt: later,
      version: 2,
    });
    expect(deleted.emailNormalized).not.toBe('ada@example.com');
  });
});

describe('withAdminRoles', () => {
  it('sets the roles in their canonical order; the same roles are nothing to write', () => {
    expect(withAdminRoles(user(), ['application_admin', 'system_admin'], later)).toMatchObject({
      adminRoles: ['system_admin', 'application_admin'],
      version: 2,
    });
    expect(
      withAdminRoles(user({ adminRoles: ['application_admin'] }), ['application_admin'], later),
    ).toBeNull();
  });
});
