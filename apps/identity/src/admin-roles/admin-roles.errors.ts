import { ConflictError, DomainError } from '@lms/kernel';

/** ID-R2: nobody un-assigns their own administrative role; a fellow administrator must. */
export class OwnAdminRoleError extends DomainError {
  constructor() {
    super(
      'ADMIN_ROLE.OWN_ROLE',
      'forbidden',
      'Nobody can remove their own administrative role; a fellow administrator can.',
    );
  }
}

/**
 * ID-R2, ID-R3: the change would leave the installation without a System Administrator or
 * the tenant without an Application (or System) Administrator.
 */
export class LastAdministratorError extends ConflictError {
  constructor(userId: string) {
    super(
      'ADMIN_ROLE.LAST_ADMIN',
      'This is the last administrator: its role cannot be removed, nor its account deactivated or deleted.',
      { userId },
    );
  }
}

/** ID-G5: the Platform Owner keeps an administrator role while it owns the platform. */
export class OwnerKeepsAdministratorRoleError extends ConflictError {
  constructor(userId: string) {
    super(
      'ADMIN_ROLE.OWNER',
      'This account is the Platform Owner: it keeps an administrator role until it hands the ownership on.',
      { userId },
    );
  }
}
