import type { UserState } from '@lms/contracts';

/** What notifications knows about a user (projection of the identity users stream). */
export interface Recipient {
  tenantId: string;
  userId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  state: UserState | null;
  /** Set once the user is deleted: the row stays as a tombstone so that stale events are still ignored. */
  deleted: boolean;
  /** The last applied `aggregateVersion` of the user. */
  version: number;
}

/** The full state a user event carries. */
export interface RecipientState {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  locale: string;
  state: UserState;
}

export interface PersonName {
  firstName: string;
  lastName: string;
}

/** A recipient that can be mailed: known, not deleted, with an address. */
export function isMailable(
  recipient: Recipient | null,
): recipient is Recipient & { email: string; firstName: string; lastName: string } {
  return recipient !== null && !recipient.deleted && recipient.email !== null && recipient.firstName !== null;
}

/** The name of a recipient, or null when it is unknown or deleted. */
export function nameOf(recipient: Recipient | undefined): PersonName | null {
  if (!recipient || recipient.deleted || recipient.firstName === null || recipient.lastName === null)
    return null;
  return { firstName: recipient.firstName, lastName: recipient.lastName };
}
