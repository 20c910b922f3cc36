import { BusinessRuleError, ConflictError, NotFoundError } from '@lms/kernel';

export class AssignmentDatesInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('ASSIGNMENT.DATES_INVALID', `The assignment dates are not valid: ${reason}.`, { reason });
  }
}

export class GroupAssignmentInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('GROUP_ASSIGNMENT.INVALID', `The group assignment is not valid: ${reason}.`, { reason });
  }
}

export class AssignmentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('ASSIGNMENT.NOT_FOUND', `Assignment ${id} does not exist.`, { assignmentId: id });
  }
}

export class GroupAssignmentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('GROUP_ASSIGNMENT.NOT_FOUND', `Group assignment ${id} does not exist.`, { groupAssignmentId: id });
  }
}

export class AssignmentAlreadyEndedError extends ConflictError {
  constructor(id: string) {
    super(
      'ASSIGNMENT.ALREADY_ENDED',
      `Assignment ${id} has ended: it is kept as history and changes no more.`,
      {
        assignmentId: id,
      },
    );
  }
}

export class AssignmentExpiredError extends ConflictError {
  constructor(id: string) {
    super('ASSIGNMENT.EXPIRED', `Assignment ${id} has expired: reactivate it first, then edit its dates.`, {
      assignmentId: id,
    });
  }
}

export class AssignmentNotExpiredError extends ConflictError {
  constructor(id: string, status: string) {
    super(
      'ASSIGNMENT.NOT_EXPIRED',
      `Assignment ${id} is ${status}: only an expired assignment is reactivated.`,
      { assignmentId: id, currentStatus: status },
    );
  }
}

export class GroupAssignmentExpiredError extends ConflictError {
  constructor(id: string) {
    super(
      'GROUP_ASSIGNMENT.EXPIRED',
      `Group assignment ${id} has expired: reactivate it first, then edit its dates.`,
      { groupAssignmentId: id },
    );
  }
}

export class GroupAssignmentNotExpiredError extends ConflictError {
  constructor(id: string, status: string) {
    super(
      'GROUP_ASSIGNMENT.NOT_EXPIRED',
      `Group assignment ${id} is ${status}: only an expired group assignment is reactivated.`,
      { groupAssignmentId: id, currentStatus: status },
    );
  }
}

export class AssignmentDerivedError extends ConflictError {
  constructor(id: string, groupAssignmentId: string | null) {
    super(
      'ASSIGNMENT.DERIVED',
      `Assignment ${id} comes from a group assignment and follows it: change the group assignment instead.`,
      { assignmentId: id, groupAssignmentId },
    );
  }
}

export class AssignmentDeleteNotConfirmedError extends BusinessRuleError {
  constructor(id: string) {
    super(
      'ASSIGNMENT.DELETE_NOT_CONFIRMED',
      `Deleting assignment ${id} removes it and its history for good: confirm with confirm=DELETE, or end it instead.`,
      { assignmentId: id, confirmWith: 'DELETE', alternative: `/api/v1/coaching/assignments/${id}/end` },
    );
  }
}

export class AssignmentSelfCoachingError extends BusinessRuleError {
  constructor(userId: string) {
    super('ASSIGNMENT.SELF_COACHING', `User ${userId} cannot be its own coach.`, { userId });
  }
}

/** A coach or mentee coaching's copy of identity's users does not know, or that may not take part now. */
export class AssignmentUsersNotAssignableError extends BusinessRuleError {
  constructor(users: ReadonlyArray<{ userId: string; as: 'mentee' | 'coach'; reason: string }>) {
    super(
      'ASSIGNMENT.USERS_NOT_ASSIGNABLE',
      `${users.length} of the users cannot be assigned: ${users.map((u) => `${u.as} ${u.userId} is ${u.reason}`).join('; ')}.`,
      { users },
    );
  }
}

export class GroupAssignmentAlreadyEndedError extends ConflictError {
  constructor(id: string) {
    super(
      'GROUP_ASSIGNMENT.ALREADY_ENDED',
      `Group assignment ${id} has ended: it is kept as history and changes no more.`,
      {
        groupAssignmentId: id,
      },
    );
  }
}

export class GroupAssignmentDeleteNotConfirmedError extends BusinessRuleError {
  constructor(id: string) {
    super(
      'GROUP_ASSIGNMENT.DELETE_NOT_CONFIRMED',
      `Deleting group assignment ${id} removes it and every assignment it gave for good: confirm with confirm=DELETE, or end it instead.`,
      {
        groupAssignmentId: id,
        confirmWith: 'DELETE',
        alternative: `/api/v1/coaching/group-assignments/${id}/end`,
      },
    );
  }
}

export class BulkAssignmentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('BULK_ASSIGNMENT.NOT_FOUND', `Bulk assignment ${id} does not exist.`, { bulkAssignmentId: id });
  }
}

export class AssignmentSameCoachesError extends BusinessRuleError {
  constructor(id: string) {
    super(
      'ASSIGNMENT.SAME_COACHES',
      `Assignment ${id} already has exactly these coaches: nothing to transfer.`,
      {
        assignmentId: id,
      },
    );
  }
}

export class GroupAssignmentSameCoachesError extends BusinessRuleError {
  constructor(id: string) {
    super(
      'GROUP_ASSIGNMENT.SAME_COACHES',
      `Group assignment ${id} already has exactly these coaches: nothing to transfer.`,
      { groupAssignmentId: id },
    );
  }
}
