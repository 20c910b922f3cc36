import { FixedClock } from '@lms/testing';
import { refreshDecision, refreshTokenOf, spend, startFamily } from './refresh-token';

const thirtyDays = 30 * 24 * 60 * 60_000;

describe('refresh token families (RFC 9700 rotation)', () => {
  function issued(clock: FixedClock) {
    const family = startFamily({ id: 'family-1', tenantId: '1000', userId: 'user-1' }, clock.now());
    return { family, token: refreshTokenOf(family, 'hash-1', clock.now(), thirtyDays) };
  }

  it('given a fresh token of a live family, then it rotates, and once spent it is a reuse', () => {
    const clock = new FixedClock('2026-03-02T09:00:00.000Z');
    const { family, token } = issued(clock);

    expect(token).toEqual({
      hash: 'hash-1',
      familyId: 'family-1',
      tenantId: '1000',
      userId: 'user-1',
      issuedAt: clock.now(),
      expiresAt: new Date('2026-04-01T09:00:00.000Z'),
      spentAt: null,
      version: 1,
    });
    expect(refreshDecision(token, family, clock.now())).toBe('rotate');
    clock.advance(60_000);
    const spent = spend(token, clock.now());
    expect(spent).toMatchObject({ spentAt: clock.now(), version: 2 });
    expect(refreshDecision(spent, family, clock.now())).toBe('reused');
  });

  it('given an expired token, then it is invalid; spent and expired, it is still a reuse', () => {
    const clock = new FixedClock('2026-03-02T09:00:00.000Z');
    const { family, token } = issued(clock);
    const spent = spend(token, clock.now());

    clock.set('2026-04-01T09:00:00.000Z');

    expect(refreshDecision(token, family, clock.now())).toBe('invalid');
    expect(refreshDecision(spent, family, clock.now())).toBe('reused');
  });

  it('given a revoked family, then every token of it is invalid, the newest included', () => {
    const clock = new FixedClock('2026-03-02T09:00:00.000Z');
    const { family, token } = issued(clock);
    const revoked = { ...family, revokedAt: clock.now() };

    expect(refreshDecision(token, revoked, clock.now())).toBe('invalid');
    expect(refreshDecision(spend(token, clock.now()), revoked, clock.now())).toBe('invalid');
  });
});
