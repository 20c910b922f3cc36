import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class InvitationNotFoundError extends NotFoundError {
  constructor(invitationId: string) {
    super('INVITATION.NOT_FOUND', 'No such invitation.', { invitationId });
  }
}

/** Only the invited account accepts an invitation (ID-G2). */
export class InvitationNotInviteeError extends DomainError {
  constructor() {
    super('INVITATION.NOT_INVITEE', 'forbidden', 'This invitation is addressed to another account.');
  }
}

export class InvitationAlreadyAcceptedError extends ConflictError {
  constructor(invitationId: string) {
    super('INVITATION.ALREADY_ACCEPTED', 'The invitation has already been accepted.', { invitationId });
  }
}

export class InvitationRevokedError extends ConflictError {
  constructor(invitationId: string) {
    super('INVITATION.REVOKED', 'The invitation has been revoked.', { invitationId });
  }
}

/** A reminder is sent at most once per hour. */
export class InvitationRemindedTooSoonError extends BusinessRuleError {
  constructor(invitationId: string, nextAt: Date) {
    super('INVITATION.REMINDED_TOO_SOON', 'The invitation was mailed less than an hour ago.', {
      invitationId,
      nextReminderAt: nextAt.toISOString(),
    });
  }
}

/** An invitation names exactly one of `email` and `userId`, and a user of the tenant by id. */
export class InvitationInviteeInvalidError extends BusinessRuleError {
  constructor() {
    super('INVITATION.INVITEE_INVALID', 'Invite either a user of this tenant by id, or an email address.');
  }
}
