import { coachesNow, type CoachingTie } from '../../assignments/domain/assignment';
import {
  decideReading,
  decideWriting,
  isAdministrator,
  listNeedsRelation,
  listScope,
  NO_RELATION,
  type RecordActor,
} from './record-access';

const [mentee, coach, stranger, author] = ['mentee', 'coach', 'stranger', 'author'];
const COACHES = { coaches: true, manages: false };
const MANAGES = { coaches: false, manages: true };

function actor(userId: string | null, extra: Partial<RecordActor> = {}): RecordActor {
  return { tenantId: 't', userId, level: 'user', roles: [], ...extra };
}

const applicationAdmin = actor('admin', { roles: ['application_admin'] });
const superadmin = actor('super', { level: 'superadmin' });
const powerUser = actor('power', { level: 'power_user' });

function assignment(overrides: Partial<CoachingTie> = {}): CoachingTie {
  return { menteeId: mentee, coachIds: ['other', coach], status: 'current', active: true, ...overrides };
}

describe('coachesNow', () => {
  it('given a current, active assignment of the mentee naming the coach, then it coaches the mentee now', () => {
    expect(coachesNow([assignment()], coach, mentee)).toBe(true);
  });

  it.each([
    ['scheduled', { status: 'scheduled' as const }],
    ['expired', { status: 'expired' as const }],
    ['ended', { status: 'ended' as const }],
    ['deactivated', { active: false }],
    ['of another mentee', { menteeId: 'someone-else' }],
    ['naming other coaches', { coachIds: ['other'] }],
  ])('given an assignment %s, then it grants nothing', (_case, overrides) => {
    expect(coachesNow([assignment(overrides)], coach, mentee)).toBe(false);
  });
});

describe('isAdministrator', () => {
  it('given an Application or System Administrator or a superadmin, then it is one; a plain or power user is not', () => {
    expect(
      [applicationAdmin, superadmin, actor('sys', { roles: ['system_admin'] })].map(isAdministrator),
    ).toEqual([true, true, true]);
    expect([actor(coach), powerUser].map(isAdministrator)).toEqual([false, false]);
  });
});

describe('decideWriting', () => {
  it('given a coach of the mentee now or one of its managers, then it writes', () => {
    expect(decideWriting(actor(coach), COACHES)).toEqual({ allowed: true });
    expect(decideWriting(actor('manager'), MANAGES)).toEqual({ allowed: true });
  });

  it('given anyone else, the mentee and a power user included, then writing is forbidden', () => {
    for (const who of [actor(stranger), actor(mentee), powerUser, actor(null)])
      expect(decideWriting(who, NO_RELATION)).toEqual({ allowed: false, refusal: 'forbidden' });
    // A caller without an account writes nothing, whatever it is told of relations.
    expect(decideWriting(actor(null), COACHES)).toEqual({ allowed: false, refusal: 'forbidden' });
  });

  it('given an administrator with no say over the mentee, then it is refused as an administrator', () => {
    for (const who of [applicationAdmin, superadmin, actor(null, { roles: ['application_admin'] })])
      expect(decideWriting(who, NO_RELATION)).toEqual({ allowed: false, refusal: 'administrator' });
  });

  it('given an administrator who also coaches the mentee now, then it still writes nothing (seed 002)', () => {
    expect(decideWriting(applicationAdmin, COACHES)).toEqual({ allowed: false, refusal: 'administrator' });
  });
});

describe('decideReading', () => {
  const record = { menteeId: mentee, authorId: author };

  it('given the mentee, the author or an administrator, then it reads without any relation', () => {
    for (const who of [actor(mentee), actor(author), applicationAdmin, superadmin])
      expect(decideReading(who, record, NO_RELATION)).toEqual({ allowed: true });
  });

  it('given a coach of the mentee now or its manager, then it reads what others wrote about the mentee', () => {
    expect(decideReading(actor(coach), record, COACHES)).toEqual({ allowed: true });
    expect(decideReading(actor('manager'), record, MANAGES)).toEqual({ allowed: true });
  });

  it('given anyone else, another mentee or a caller without an account included, then reading is forbidden', () => {
    for (const who of [actor(stranger), actor('other-mentee'), powerUser, actor(null)])
      expect(decideReading(who, record, NO_RELATION)).toEqual({ allowed: false, refusal: 'forbidden' });
  });
});

describe('listScope', () => {
  it('given an administrator, then it lists the whole tenant under the filters asked', () => {
    expect(listScope(applicationAdmin, {}, NO_RELATION)).toEqual({
      menteeId: undefined,
      authorId: undefined,
    });
    expect(listScope(superadmin, { menteeId: mentee, authorId: author }, NO_RELATION)).toEqual({
      menteeId: mentee,
      authorId: author,
    });
    expect(listNeedsRelation(applicationAdmin, { menteeId: mentee })).toBe(false);
  });

  it('given no mentee asked, then a user lists what is about itself and what it wrote', () => {
    expect(listScope(actor(coach), {}, NO_RELATION)).toEqual({ involving: coach });
    expect(listScope(actor(coach), { authorId: coach }, NO_RELATION)).toEqual({ authorId: coach });
    expect(listScope(actor(mentee), { authorId: author }, NO_RELATION)).toEqual({
      menteeId: mentee,
      authorId: author,
    });
    expect(listNeedsRelation(actor(coach), {})).toBe(false);
  });

  it('given its own records asked for, then the mentee lists every record about itself, with no relation looked up', () => {
    expect(listNeedsRelation(actor(mentee), { menteeId: mentee })).toBe(false);
    expect(listScope(actor(mentee), { menteeId: mentee }, NO_RELATION)).toEqual({
      menteeId: mentee,
      authorId: undefined,
    });
  });

  it("given a mentee it coaches or manages, then a user lists all the mentee's records", () => {
    expect(listNeedsRelation(actor(coach), { menteeId: mentee })).toBe(true);
    expect(listScope(actor(coach), { menteeId: mentee }, COACHES)).toEqual({
      menteeId: mentee,
      authorId: undefined,
    });
    expect(listScope(actor('manager'), { menteeId: mentee, authorId: author }, MANAGES)).toEqual({
      menteeId: mentee,
      authorId: author,
    });
  });

  it('given another mentee, then a user lists only what it wrote about it, and nothing by anyone else', () => {
    expect(listScope(actor(author), { menteeId: mentee }, NO_RELATION)).toEqual({
      menteeId: mentee,
      authorId: author,
    });
    expect(listScope(actor(author), { menteeId: mentee, authorId: author }, NO_RELATION)).toEqual({
      menteeId: mentee,
      authorId: author,
    });
    expect(listScope(actor(stranger), { menteeId: mentee, authorId: author }, NO_RELATION)).toBeNull();
  });

  it('given a caller without an account who is no administrator, then it lists nothing', () => {
    expect(listScope(actor(null), {}, NO_RELATION)).toBeNull();
    expect(listScope(actor(null), { menteeId: mentee }, COACHES)).toBeNull();
  });
});
