import { BusinessRuleError, ConflictError, DomainError, NotFoundError } from '@lms/kernel';
import { MAX_COACH_FILTERS, MAX_COACH_TEXT, type CoachProfileProblem } from './domain/coach-profile';

export class CoachProfileNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('COACH_PROFILE.NOT_FOUND', 'No such coach profile.', { coachId: id });
  }
}

/** ID-C1: only those who manage every user of the tenant link coaches and read their populations. */
export class CoachProfileForbiddenError extends DomainError {
  constructor() {
    super(
      'COACH_PROFILE.FORBIDDEN',
      'forbidden',
      'Only those who manage every user of the tenant manage coach profiles.',
    );
  }
}

export class CoachSameAccountError extends BusinessRuleError {
  constructor() {
    super('COACH_PROFILE.SAME_ACCOUNT', 'A coach links two distinct accounts: a manager and a learner.');
  }
}

/** The manager or learner account is not a user of the tenant. */
export class CoachAccountNotFoundError extends BusinessRuleError {
  constructor(account: 'manager' | 'learner', userId: string) {
    super('COACH_PROFILE.ACCOUNT_NOT_FOUND', `The ${account} account is not a user of the tenant.`, {
      account,
      userId,
    });
  }
}

/** The manager or learner account is deactivated or expired. */
export class CoachAccountInactiveError extends BusinessRuleError {
  constructor(account: 'manager' | 'learner', userId: string, state: string) {
    super(
      'COACH_PROFILE.ACCOUNT_INACTIVE',
      `The ${account} account is ${state}: a coach's accounts are active.`,
      {
        account,
        userId,
        state,
      },
    );
  }
}

/** ID-C1: a learner account is linked to one coach at most. */
export class CoachLearnerAccountTakenError extends ConflictError {
  constructor(learnerUserId: string, coachId: string) {
    super(
      'COACH_PROFILE.LEARNER_ACCOUNT_TAKEN',
      'The learner account is linked to another coach already: unlink it there first.',
      { learnerUserId, coachId },
    );
  }
}

export class CoachRoleInvalidError extends BusinessRuleError {
  constructor(role: string) {
    super('COACH_PROFILE.ROLE_INVALID', `A role name is 1 to ${MAX_COACH_TEXT} characters.`, { role });
  }
}

export class CoachTooManyFiltersError extends BusinessRuleError {
  constructor(count: number) {
    super('COACH_PROFILE.TOO_MANY_FILTERS', `A coach has at most ${MAX_COACH_FILTERS} filters.`, {
      count,
      max: MAX_COACH_FILTERS,
    });
  }
}

export class CoachFilterInvalidError extends BusinessRuleError {
  constructor(index: number) {
    super(
      'COACH_PROFILE.FILTER_INVALID',
      `A filter's field and value are each 1 to ${MAX_COACH_TEXT} characters.`,
      { index },
    );
  }
}

/** The error a rule of a coach's definition is refused with (ID-C1): by its `PUT`, and by a manager import's row. */
export function coachProfileProblemError(problem: CoachProfileProblem): DomainError {
  switch (problem.rule) {
    case 'same-account':
      return new CoachSameAccountError();
    case 'role-invalid':
      return new CoachRoleInvalidError(problem.role);
    case 'too-many-filters':
      return new CoachTooManyFiltersError(problem.count);
    case 'filter-invalid':
      return new CoachFilterInvalidError(problem.index);
  }
}
