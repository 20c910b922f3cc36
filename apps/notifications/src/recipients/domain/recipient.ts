import type { UserState } from '@lms/contracts';

/** What notifications knows about a user (projection of the identity users stream). */
export interface Recipient {
  tenantId: string;
  userId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  /** IANA time zone; null on a row stored before the users stream carried it. */
  timezone: string | null;
  /** Null on a tombstone, and on a row stored before the users stream carried it. */
  state: UserState | null;
  /** When the account expires (it gets no mail from then on); null: never. */
  expiresAt: Date | null;
  /** Set once the user is deleted: the row stays as a tombstone so that stale events are still ignored. */
  deleted: boolean;
  /** The last applied `aggregateVersion` of the user. */
  version: number;
}

/** Whether an event changed the projection, or was not newer than what it holds. */
export type ProjectionOutcome = 'applied' | 'stale';

/** One user event, as the projection applies it. */
export interface RecipientChange {
  tenantId: string;
  userId: string;
  /** The event's `aggregateVersion`. */
  version: number;
  /** The user's full state; null for a deletion (the recipient becomes a tombstone). */
  state: RecipientState | null;
}

/** The `_id` of a recipient: its natural key. */
export function recipientKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

/**
 * The write a batch's changes of one recipient make, given the version stored (null: none):
 * the newest change, since every event carries the user's full state; null when none is
 * newer than what is stored. `newer` says, per change, whether it was newer than the stored
 * version (applied, possibly overtaken by a newer one of the same batch) or stale.
 */
export function foldRecipientChanges(
  storedVersion: number | null,
  changes: readonly RecipientChange[],
): { write: RecipientChange | null; newer: boolean[] } {
  const newer = changes.map((change) => storedVersion === null || change.version > storedVersion);
  const write = changes
    .filter((_, i) => newer[i])
    .reduce<RecipientChange | null>(
      (newest, change) => (newest && newest.version >= change.version ? newest : change),
      null,
    );
  return { write, newer };
}

/** What the projection keeps of the full state a user event carries. */
export interface RecipientState {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  timezone: string;
  state: UserState;
  expiresAt: Date | null;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** A recipient a mail can be addressed to: known, not deleted, with an address (see also {@link mailStopOf}). */
export function isMailable(
  recipient: Recipient | null,
): recipient is Recipient & { email: string; firstName: string; lastName: string } {
  return recipient !== null && !recipient.deleted && recipient.email !== null && recipient.firstName !== null;
}

/** Why a known recipient may not be mailed any more. */
export type MailStop = 'deleted' | 'deactivated' | 'expired';

/**
 * Why no mail may go to this recipient at `now`, or null when it may be mailed: a deleted,
 * deactivated or expired user gets none, and an account expires at its `expiresAt` even
 * before an event says so (as identity decides sign-in). An `activated` or `active` user,
 * or a row without a state, may be mailed.
 */
export function mailStopOf(recipient: Recipient, now: Date): MailStop | null {
  if (recipient.deleted) return 'deleted';
  if (recipient.state === 'deactivated') return 'deactivated';
  if (recipient.state === 'expired') return 'expired';
  if (recipient.expiresAt !== null && recipient.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

/** The name of a recipient, or null when it is unknown or deleted. */
export function nameOf(recipient: Recipient | undefined): PersonName | null {
  if (!recipient || recipient.deleted || recipient.firstName === null || recipient.lastName === null)
    return null;
  return { firstName: recipient.firstName, lastName: recipient.lastName };
}
