import type { CoachingTie } from '../../assignments/domain/assignment';
import type { RecommendationActor } from './recommendation-access';
import { mayRecommend, mayRemove, visibleRecommendations } from './recommendation-access';

const [COACH, MENTEE, OTHER] = ['coach', 'mentee', 'other'];
const tie = (overrides: Partial<CoachingTie> = {}): CoachingTie => ({
  menteeId: MENTEE,
  coachIds: [OTHER, COACH],
  status: 'current',
  active: true,
  ...overrides,
});
const actor = (overrides: Partial<RecommendationActor> = {}): RecommendationActor => ({
  tenantId: 'tenant-a',
  userId: COACH,
  roles: [],
  level: 'user',
  ...overrides,
});

describe('mayRecommend', () => {
  it('given a current, active assignment naming the coach, then the coach recommends to its mentee', () => {
    expect(mayRecommend([tie({ status: 'ended' }), tie()], COACH, MENTEE)).toBe(true);
  });

  it.each([
    ['no assignment', [], COACH, MENTEE],
    ['a scheduled one', [tie({ status: 'scheduled' })], COACH, MENTEE],
    ['an expired one', [tie({ status: 'expired' })], COACH, MENTEE],
    ['an ended one', [tie({ status: 'ended' })], COACH, MENTEE],
    ['a deactivated one', [tie({ active: false })], COACH, MENTEE],
    ['one of another mentee', [tie({ menteeId: OTHER })], COACH, MENTEE],
    ['one not naming the caller', [tie({ coachIds: [OTHER] })], COACH, MENTEE],
    ['a caller without an account', [tie()], null, MENTEE],
  ])('given %s, then it is refused', (_given, ties, coachId, menteeId) => {
    expect(mayRecommend(ties, coachId, menteeId)).toBe(false);
  });
});

describe('mayRemove', () => {
  it('lets the coach who made it remove it, and nobody else', () => {
    expect(mayRemove({ coachId: COACH }, COACH)).toBe(true);
    expect(mayRemove({ coachId: COACH }, OTHER)).toBe(false);
    expect(mayRemove({ coachId: COACH }, null)).toBe(false);
  });
});

describe('visibleRecommendations', () => {
  it('gives an administrator, of any kind, the whole tenant, narrowed to a mentee when asked', () => {
    for (const administrator of [
      actor({ roles: ['application_admin'] }),
      actor({ roles: ['system_admin'] }),
      actor({ level: 'superadmin' }),
      actor({ roles: ['application_admin'], userId: null }),
    ]) {
      expect(visibleRecommendations(administrator, undefined)).toEqual({});
      expect(visibleRecommendations(administrator, MENTEE)).toEqual({ menteeId: MENTEE });
    }
  });

  it('gives a mentee asking about itself every recommendation made to it', () => {
    expect(visibleRecommendations(actor({ userId: MENTEE }), MENTEE)).toEqual({ menteeId: MENTEE });
  });

  it('gives anyone else, a power user included, only the recommendations it made', () => {
    expect(visibleRecommendations(actor(), undefined)).toEqual({ coachId: COACH });
    expect(visibleRecommendations(actor({ level: 'power_user' }), MENTEE)).toEqual({
      coachId: COACH,
      menteeId: MENTEE,
    });
  });

  it('gives a caller without an account, not an administrator, nothing', () => {
    expect(visibleRecommendations(actor({ userId: null }), undefined)).toBeNull();
    expect(visibleRecommendations(actor({ userId: null }), MENTEE)).toBeNull();
  });
});
