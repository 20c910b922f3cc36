import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';

export class GroupEnrollmentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('GROUP_ENROLLMENT.NOT_FOUND', `Group enrollment ${id} does not exist.`, { groupEnrollmentId: id });
  }
}

/**
 * LE-G1, LE-E3: administrators enroll groups, and power users the groups of their scope when
 * their profile holds `enrollments.manage`, except in a course they teach (LE-C2: instructors
 * never enroll anyone).
 */
export class GroupEnrollmentForbiddenError extends DomainError {
  constructor(details?: Record<string, string>) {
    super(
      'GROUP_ENROLLMENT.FORBIDDEN',
      'forbidden',
      'Administrators, and power users for the groups of their scope, enroll groups in courses and plans, except in a course they teach.',
      details,
    );
  }
}

/** LE-G1: a group is enrolled once in a course or plan until that group enrollment is ended. */
export class GroupEnrollmentAlreadyExistsError extends ConflictError {
  constructor(groupId: string, target: Record<string, string>) {
    super('GROUP_ENROLLMENT.ALREADY_EXISTS', 'The group is enrolled in this course or plan already.', {
      groupId,
      ...target,
    });
  }
}

/** Exactly one of a course and a plan; a session only with a course. */
export class GroupEnrollmentTargetInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('GROUP_ENROLLMENT.TARGET_INVALID', `The group enrollment's target is not valid: ${reason}.`, {
      reason,
    });
  }
}
