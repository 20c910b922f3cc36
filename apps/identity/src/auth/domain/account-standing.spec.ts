import { FixedClock } from '@lms/testing';
import { accountStanding } from './account-standing';

describe('account standing (ID-U4)', () => {
  const clock = new FixedClock('2026-03-02T09:00:00.000Z');
  const active = { state: 'active' as const };

  it('given an activated or active account without expiry, or expiring later, then it is usable', () => {
    expect(accountStanding({ state: 'activated', expiresAt: null }, clock.now(), active)).toBe('usable');
    expect(
      accountStanding(
        { state: 'active', expiresAt: new Date('2026-03-02T09:00:01.000Z') },
        clock.now(),
        null,
      ),
    ).toBe('usable');
  });

  it('given a deactivated account, then it is deactivated, whatever its expiry', () => {
    expect(
      accountStanding({ state: 'deactivated', expiresAt: new Date('2020-01-01') }, clock.now(), active),
    ).toBe('deactivated');
  });

  it('given the expired state, or an expiry reached, then it is expired', () => {
    expect(accountStanding({ state: 'expired', expiresAt: null }, clock.now(), active)).toBe('expired');
    expect(accountStanding({ state: 'active', expiresAt: clock.now() }, clock.now(), active)).toBe('expired');
  });

  it('given a tenant being deleted or deleted (ID-T2), then any account of it is deactivated', () => {
    for (const state of ['deleting', 'deleted'] as const)
      expect(accountStanding({ state: 'active', expiresAt: null }, clock.now(), { state })).toBe(
        'deactivated',
      );
  });
});
