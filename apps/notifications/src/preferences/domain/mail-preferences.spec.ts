import { MAILED_ASSIGNMENT_EVENTS } from '../../deliveries/domain/assignment-deliveries';
import {
  ACCOUNT_SECURITY_CATEGORIES,
  defaultPreferences,
  isOptedOut,
  MAIL_CATEGORIES,
  replaceOptOuts,
  type MailPreferences,
} from './mail-preferences';

describe('mail preferences (NO-4)', () => {
  const owner = { tenantId: 'tenant-1', userId: 'user-1' };
  const now = new Date('2026-03-02T09:00:00.000Z');
  const later = new Date('2026-03-03T09:00:00.000Z');

  function stored(optedOut: MailPreferences['optedOut']): MailPreferences {
    return { ...owner, optedOut, updatedAt: now, version: 3 };
  }

  it('offers one category per mailed assignment, enrollment, course-role and session event, session reminders and imports over, and no account-security category is mailed yet', () => {
    expect(MAIL_CATEGORIES).toEqual([
      ...MAILED_ASSIGNMENT_EVENTS,
      'enrollment.created',
      'enrollment.state-changed',
      'course-role.granted',
      'course-session.rescheduled',
      'course-session.cancelled',
      'course-session.reminder',
      'import.finished',
    ]);
    expect(ACCOUNT_SECURITY_CATEGORIES).toEqual([]);
  });

  it('given a user who never chose, then every mail is wanted, at version 0', () => {
    expect(defaultPreferences(owner)).toEqual({ ...owner, optedOut: [], updatedAt: null, version: 0 });
    expect(isOptedOut(undefined, 'assignment.created')).toBe(false);
  });

  it('given new opt-outs, then they replace the old ones, each once in catalogue order, at the next version', () => {
    expect(
      replaceOptOuts(
        stored(['assignment.ended']),
        ['assignment.expiring', 'assignment.created', 'assignment.expiring'],
        later,
      ),
    ).toEqual({
      outcome: 'changed',
      preferences: {
        ...owner,
        optedOut: ['assignment.created', 'assignment.expiring'],
        updatedAt: later,
        version: 4,
      },
    });
    expect(replaceOptOuts(stored(['assignment.ended']), [], later)).toMatchObject({
      outcome: 'changed',
      preferences: { optedOut: [], version: 4 },
    });
  });

  it('given the same opt-outs in another order, then nothing changes', () => {
    const current = stored(['assignment.created', 'assignment.ended']);

    expect(replaceOptOuts(current, ['assignment.ended', 'assignment.created'], later)).toEqual({
      outcome: 'unchanged',
      preferences: current,
    });
  });

  it('given an account-security category, then it is refused by name and nothing changes', () => {
    const mandatory = ['assignment.expiring'] as const;

    expect(
      replaceOptOuts(stored([]), ['assignment.created', 'assignment.expiring'], later, mandatory),
    ).toEqual({ outcome: 'mandatory', categories: ['assignment.expiring'] });
    expect(replaceOptOuts(stored([]), ['assignment.created'], later, mandatory).outcome).toBe('changed');
  });

  it('given an opt-out, then only mails of that category are held back, and never an account-security mail', () => {
    const preferences = stored(['assignment.created', 'assignment.expiring']);

    expect(isOptedOut(preferences, 'assignment.created')).toBe(true);
    expect(isOptedOut(preferences, 'assignment.ended')).toBe(false);
    expect(isOptedOut(preferences, 'something.else')).toBe(false);
    expect(isOptedOut(preferences, 'assignment.expiring', ['assignment.expiring'])).toBe(false);
  });
});
