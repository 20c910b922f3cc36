import type { ClosedOutcome } from '../domain/invitation';
import { InvitationAlreadyAcceptedError, InvitationRevokedError } from '../invitations.errors';

/** The error of an invitation that can no longer be acted on. */
export function closedInvitationError(outcome: ClosedOutcome, invitationId: string): Error {
  return outcome === 'already-accepted'
    ? new InvitationAlreadyAcceptedError(invitationId)
    : new InvitationRevokedError(invitationId);
}
