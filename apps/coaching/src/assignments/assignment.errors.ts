import { BusinessRuleError, NotFoundError } from '@lms/kernel';

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
