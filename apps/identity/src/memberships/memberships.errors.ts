import { BusinessRuleError, ConflictError, NotFoundError } from '@lms/kernel';

export class MembershipNotFoundError extends NotFoundError {
  constructor(groupId: string, userId: string) {
    super('MEMBERSHIP.NOT_FOUND', 'The user is not a member of the group.', { groupId, userId });
  }
}

export class MembershipAlreadyExistsError extends ConflictError {
  constructor(groupId: string, userId: string) {
    super('MEMBERSHIP.ALREADY_EXISTS', 'The user is already a member of the group.', { groupId, userId });
  }
}

export class MembershipUserUnknownError extends BusinessRuleError {
  constructor(userId: string) {
    super('MEMBERSHIP.USER_UNKNOWN', 'No such user in this tenant.', { userId });
  }
}

export class MembershipRolesInvalidError extends BusinessRuleError {
  constructor() {
    super('MEMBERSHIP.ROLES_INVALID', 'A membership needs at least one known group role.');
  }
}
