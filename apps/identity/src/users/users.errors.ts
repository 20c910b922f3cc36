import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class UserNotFoundError extends NotFoundError {
  constructor(userId: string) {
    super('USER.NOT_FOUND', 'No such user.', { userId });
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('USER.EMAIL_TAKEN', 'A user with this email already exists.');
  }
}

/** The caller may not do this to this user (ID-R1..R4, ID-U2). */
export class UserForbiddenError extends DomainError {
  constructor() {
    super('USER.FORBIDDEN', 'forbidden', 'You may not do this to this user.');
  }
}

/** ID-U5: nobody changes their own state (nor their own expiry, which changes it later). */
export class OwnStateError extends DomainError {
  constructor() {
    super('USER.OWN_STATE', 'forbidden', 'Nobody can change their own state or expiry.');
  }
}

export class OwnDeletionError extends DomainError {
  constructor() {
    super('USER.OWN_DELETION', 'forbidden', 'Nobody can delete their own account.');
  }
}

/** ID-R3: an administrator is deactivated (or its account changed) only by a peer of the same or a higher kind. */
export class PeerRequiredError extends DomainError {
  constructor() {
    super(
      'USER.PEER_REQUIRED',
      'forbidden',
      'Only an administrator of the same or a higher kind can do this to an administrator.',
    );
  }
}

/** ID-U3: an expired account's state is restored only by moving its expiry date to the future. */
export class UserExpiredError extends ConflictError {
  constructor(userId: string) {
    super(
      'USER.EXPIRED',
      'The account has expired: move its expiry date to the future to restore its former state.',
      { userId },
    );
  }
}

/** ID-U2: a user is given only a permission profile its tenant has defined. */
export class UnknownPermissionProfileError extends BusinessRuleError {
  constructor(permissionProfile: string) {
    super('USER.UNKNOWN_PERMISSION_PROFILE', 'The tenant has no permission profile of this name.', {
      permissionProfile,
    });
  }
}

export class BulkStateChangeNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('USER.BULK_STATE_CHANGE_NOT_FOUND', 'No such bulk state change.', { bulkStateChangeId: id });
  }
}

/** ID-U5: a bulk state change is followed by whoever started it and by those who manage every user. */
export class BulkStateChangeForbiddenError extends DomainError {
  constructor() {
    super(
      'USER.FORBIDDEN',
      'forbidden',
      'Only the account that started a bulk state change, or someone who manages every user, may follow it.',
    );
  }
}

/** ID-G5: the Platform Owner's account stays usable while it owns the platform: hand the ownership on first. */
export class UserIsOwnerError extends ConflictError {
  constructor(userId: string) {
    super(
      'USER.OWNER',
      'This account is the Platform Owner: hand the ownership to another user before deactivating or deleting it.',
      { userId },
    );
  }
}
