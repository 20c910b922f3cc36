import { MAILED_ASSIGNMENT_EVENTS } from '../../deliveries/domain/assignment-deliveries';
import { MAILED_COURSE_ROLE_EVENTS } from '../../deliveries/domain/course-role-deliveries';
import {
  MAILED_COURSE_SESSION_EVENTS,
  SESSION_REMINDER_CATEGORY,
} from '../../deliveries/domain/course-session-deliveries';
import { MAILED_ENROLLMENT_EVENTS } from '../../deliveries/domain/enrollment-deliveries';
import { MAILED_IMPORT_EVENTS } from '../../deliveries/domain/import-deliveries';

/**
 * The kinds of mail a user can opt out of (NO-4): a category is the type of the event a
 * delivery comes from (its `sourceType`), so one choice covers the mails of that event to a
 * mentee and to its coaches alike (and a coach's digest of new mentees with `assignment.created`).
 * Session reminders come from no event: their category is `course-session.reminder`.
 * Invitations to groups (`invitation.created`, `.reminded`) are no category, always sent: the
 * mail is the invitation an administrator made for that person, and an invited address without
 * an account has no preferences.
 */
export const MAIL_CATEGORIES = [
  ...MAILED_ASSIGNMENT_EVENTS,
  ...MAILED_ENROLLMENT_EVENTS,
  ...MAILED_COURSE_ROLE_EVENTS,
  ...MAILED_COURSE_SESSION_EVENTS,
  SESSION_REMINDER_CATEGORY,
  ...MAILED_IMPORT_EVENTS,
] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/**
 * Account-security mails (NO-4): always sent, never opted out of. None is mailed yet; a
 * category joins this list when its mail does.
 */
export const ACCOUNT_SECURITY_CATEGORIES: readonly MailCategory[] = [];

/** A user's mail preferences in one tenant: the categories it does not want mailed. */
export interface MailPreferences {
  tenantId: string;
  userId: string;
  /** Each once, in the order of {@link MAIL_CATEGORIES}. */
  optedOut: MailCategory[];
  /** Null while the user never set any. */
  updatedAt: Date | null;
  /** 0 while the user never set any; +1 with every change. */
  version: number;
}

/** Whose preferences: one user of one tenant. */
export interface PreferenceOwner {
  tenantId: string;
  userId: string;
}

/** The `_id` of a user's preferences: its natural key. */
export function preferencesKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

export function isMailCategory(value: string): value is MailCategory {
  return (MAIL_CATEGORIES as readonly string[]).includes(value);
}

/** The preferences of a user who never set any: every mail is wanted. */
export function defaultPreferences(owner: PreferenceOwner): MailPreferences {
  return { tenantId: owner.tenantId, userId: owner.userId, optedOut: [], updatedAt: null, version: 0 };
}

export type ReplaceOptOutsDecision =
  | { outcome: 'changed' | 'unchanged'; preferences: MailPreferences }
  /** Account-security categories were asked for: nothing changes. */
  | { outcome: 'mandatory'; categories: MailCategory[] };

/**
 * Replaces the categories the user opted out of (NO-4): the new set, each once in catalogue
 * order, with the next version; the same set in any order changes nothing. An
 * account-security category (`mandatory`, by default {@link ACCOUNT_SECURITY_CATEGORIES})
 * cannot be opted out of: asking for one changes nothing and names it.
 */
export function replaceOptOuts(
  current: MailPreferences,
  requested: readonly MailCategory[],
  now: Date,
  mandatory: readonly MailCategory[] = ACCOUNT_SECURITY_CATEGORIES,
): ReplaceOptOutsDecision {
  const refused = MAIL_CATEGORIES.filter(
    (category) => mandatory.includes(category) && requested.includes(category),
  );
  if (refused.length > 0) return { outcome: 'mandatory', categories: refused };
  const optedOut = MAIL_CATEGORIES.filter((category) => requested.includes(category));
  if (
    optedOut.length === current.optedOut.length &&
    optedOut.every((category) => current.optedOut.includes(category))
  )
    return { outcome: 'unchanged', preferences: current };
  return {
    outcome: 'changed',
    preferences: { ...current, optedOut, updatedAt: now, version: current.version + 1 },
  };
}

/**
 * Whether a mail of this category may not go to the owner of these preferences (none
 * stored: every mail is wanted). An account-security mail always goes.
 */
export function isOptedOut(
  preferences: MailPreferences | undefined,
  category: string,
  mandatory: readonly MailCategory[] = ACCOUNT_SECURITY_CATEGORIES,
): boolean {
  if (!preferences || !isMailCategory(category) || mandatory.includes(category)) return false;
  return preferences.optedOut.includes(category);
}
