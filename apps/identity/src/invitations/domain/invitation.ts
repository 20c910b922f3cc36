import type { GroupRole, InvitationStatus } from '@lms/contracts';
import { canonicalRoles } from '../../memberships/domain/membership';

export { INVITATION_STATUSES, type InvitationStatus } from '@lms/contracts';

/** A reminder of an invitation is sent at most once per this many milliseconds: one hour. */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * An invitation to join a group with roles (ID-G2). Its id is its token: the invited user
 * accepts it by id, signed in as the invited account (by id) or as an account of the invited
 * address. Accepted and revoked invitations are kept, and never accepted again.
 */
export interface Invitation {
  id: string;
  tenantId: string;
  groupId: string;
  /** The address the invitation is sent to (the account's, when invited by id). */
  email: string;
  /** Lower-case `email`, compared with the account's when accepting. */
  emailNormalized: string;
  /** The invited account, when invited by id; null when invited by address. */
  userId: string | null;
  roles: GroupRole[];
  status: InvitationStatus;
  /** The account that invited; null for a caller without an account of its own. */
  invitedBy: string | null;
  reminders: number;
  /** When the invitation was last mailed: at its creation, then at each reminder. */
  lastSentAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** When it was accepted or revoked; null while pending. */
  closedAt: Date | null;
  version: number;
}

export interface NewInvitation {
  id: string;
  tenantId: string;
  groupId: string;
  email: string;
  userId: string | null;
  roles: readonly string[];
  invitedBy: string | null;
}

export type CreateInvitationDecision =
  | { outcome: 'created'; invitation: Invitation }
  | { outcome: 'invalid-roles' };

export function createInvitation(input: NewInvitation, now: Date): CreateInvitationDecision {
  const roles = canonicalRoles(input.roles);
  if (!roles) return { outcome: 'invalid-roles' };
  const email = input.email.trim();
  return {
    outcome: 'created',
    invitation: {
      id: input.id,
      tenantId: input.tenantId,
      groupId: input.groupId,
      email,
      emailNormalized: email.toLowerCase(),
      userId: input.userId,
      roles,
      status: 'pending',
      invitedBy: input.invitedBy,
      reminders: 0,
      lastSentAt: now,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      version: 1,
    },
  };
}

/** Why an invitation cannot be acted on any more. */
export type ClosedOutcome = 'already-accepted' | 'already-revoked';

function closed(invitation: Invitation): ClosedOutcome | null {
  if (invitation.status === 'accepted') return 'already-accepted';
  if (invitation.status === 'revoked') return 'already-revoked';
  return null;
}

/** Whether an account is the invited one: the invited id, or (invited by address) an account of that address. */
export function isInvitee(invitation: Invitation, account: { id: string; email: string }): boolean {
  if (invitation.userId !== null) return invitation.userId === account.id;
  return invitation.emailNormalized === account.email.trim().toLowerCase();
}

export type AcceptDecision =
  | { outcome: 'accepted'; invitation: Invitation }
  | { outcome: ClosedOutcome }
  | { outcome: 'not-invitee' };

/** The invited account accepts a pending invitation. */
export function acceptInvitation(
  invitation: Invitation,
  account: { id: string; email: string },
  now: Date,
): AcceptDecision {
  const isClosed = closed(invitation);
  if (isClosed) return { outcome: isClosed };
  if (!isInvitee(invitation, account)) return { outcome: 'not-invitee' };
  return {
    outcome: 'accepted',
    invitation: {
      ...invitation,
      userId: account.id,
      status: 'accepted',
      closedAt: now,
      updatedAt: now,
      version: invitation.version + 1,
    },
  };
}

export type RemindDecision =
  | { outcome: 'reminded'; invitation: Invitation }
  | { outcome: ClosedOutcome }
  | { outcome: 'too-soon'; nextAt: Date };

/** A reminder of a pending invitation: at most one per hour since it was last mailed. */
export function remindInvitation(invitation: Invitation, now: Date): RemindDecision {
  const isClosed = closed(invitation);
  if (isClosed) return { outcome: isClosed };
  const nextAt = new Date(invitation.lastSentAt.getTime() + REMINDER_INTERVAL_MS);
  if (now < nextAt) return { outcome: 'too-soon', nextAt };
  return {
    outcome: 'reminded',
    invitation: {
      ...invitation,
      reminders: invitation.reminders + 1,
      lastSentAt: now,
      updatedAt: now,
      version: invitation.version + 1,
    },
  };
}

export type RevokeDecision = { outcome: 'revoked'; invitation: Invitation } | { outcome: ClosedOutcome };

/** Revokes a pending invitation: it can no longer be accepted. */
export function revokeInvitation(invitation: Invitation, now: Date): RevokeDecision {
  const isClosed = closed(invitation);
  if (isClosed) return { outcome: isClosed };
  return {
    outcome: 'revoked',
    invitation: {
      ...invitation,
      status: 'revoked',
      closedAt: now,
      updatedAt: now,
      version: invitation.version + 1,
    },
  };
}
