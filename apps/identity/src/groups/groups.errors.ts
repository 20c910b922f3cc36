import { ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class GroupNotFoundError extends NotFoundError {
  constructor(groupId: string) {
    super('GROUP.NOT_FOUND', 'No such group.', { groupId });
  }
}

/** The caller may not do this to this group (ID-G2). */
export class GroupForbiddenError extends DomainError {
  constructor() {
    super('GROUP.FORBIDDEN', 'forbidden', 'You may not do this to this group.');
  }
}

/** The group's members are leaving it before it is gone: nothing else changes it meanwhile (ID-G1). */
export class GroupBeingDeletedError extends ConflictError {
  constructor(groupId: string) {
    super('GROUP.BEING_DELETED', 'The group is being deleted.', { groupId });
  }
}
