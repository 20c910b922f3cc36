import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class TenantNotFoundError extends NotFoundError {
  constructor(code: string) {
    super('TENANT.NOT_FOUND', 'No such tenant.', { tenantCode: code });
  }
}

export class TenantCodeTakenError extends ConflictError {
  constructor(code: string) {
    super('TENANT.CODE_TAKEN', 'A tenant with this code exists or existed; codes are never reused.', {
      tenantCode: code,
    });
  }
}

export class TenantCodeInvalidError extends BusinessRuleError {
  constructor(code: string) {
    super(
      'TENANT.CODE_INVALID',
      'A tenant code is 3 to 32 lower-case letters, digits or dashes, not starting with a dash.',
      { tenantCode: code },
    );
  }
}

export class TenantForbiddenError extends DomainError {
  constructor() {
    super('TENANT.FORBIDDEN', 'forbidden', 'Only a System Administrator of the host tenant manages tenants.');
  }
}

export class HostTenantUndeletableError extends ConflictError {
  constructor() {
    super('TENANT.HOST_UNDELETABLE', 'The host tenant cannot be deleted.');
  }
}

/** The new tenant already has another user with its first administrator's email. */
export class TenantAdministratorConflictError extends ConflictError {
  constructor(code: string) {
    super(
      'TENANT.ADMINISTRATOR_CONFLICT',
      "The tenant's first administrator cannot be created: its email belongs to another user of the tenant.",
      { tenantCode: code },
    );
  }
}

/** ID-T2: a tenant whose deletion has started is neither changed nor given new accounts. */
export class TenantBeingDeletedError extends ConflictError {
  constructor(code: string) {
    super(
      'TENANT.BEING_DELETED',
      'The tenant is being deleted, or was: it is no longer changed and takes no new accounts.',
      { tenantCode: code },
    );
  }
}

/** ID-G5: only the Platform Owner hands ownership on (an administrator, for a tenant without one). */
export class TenantNotOwnerError extends DomainError {
  constructor(code: string) {
    super(
      'TENANT.NOT_OWNER',
      'forbidden',
      'Only the Platform Owner hands the ownership of its platform to another user.',
      {
        tenantCode: code,
      },
    );
  }
}

/** ID-G5: the new owner is an account of the tenant that may sign in (activated or active). */
export class TenantOwnerInvalidError extends BusinessRuleError {
  constructor(userId: string, reason: 'unknown' | 'not_active') {
    super(
      'TENANT.OWNER_INVALID',
      reason === 'unknown'
        ? 'The new owner is not an account of this platform.'
        : 'The new owner must be an activated or active account.',
      { userId, reason },
    );
  }
}
