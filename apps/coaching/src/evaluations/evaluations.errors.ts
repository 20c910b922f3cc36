import { BusinessRuleError, DomainError, NotFoundError } from '@lms/kernel';
import type { RecordKind } from './domain/coaching-record';
import type { RecordRefusal } from './domain/record-access';

export class EvaluationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('EVALUATION.NOT_FOUND', `Evaluation ${id} does not exist.`, { evaluationId: id });
  }
}

export class CoachingSessionNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('COACHING_SESSION.NOT_FOUND', `Coaching session ${id} does not exist.`, { coachingSessionId: id });
  }
}

/** CO-W3: only the mentee's coaches and managers write its evaluations; the mentee reads its own. */
export class EvaluationForbiddenError extends DomainError {
  constructor(menteeId: string) {
    super(
      'EVALUATION.FORBIDDEN',
      'forbidden',
      `Only a coach of user ${menteeId} (under a current, active assignment) or one of its managers writes its evaluations; the user reads those about itself.`,
      { menteeId },
    );
  }
}

/** CO-W3: only the mentee's coaches and managers write its coaching sessions; the mentee reads its own. */
export class CoachingSessionForbiddenError extends DomainError {
  constructor(menteeId: string) {
    super(
      'COACHING_SESSION.FORBIDDEN',
      'forbidden',
      `Only a coach of user ${menteeId} (under a current, active assignment) or one of its managers writes its coaching sessions; the user reads those about itself.`,
      { menteeId },
    );
  }
}

/** Seed 002: an administrator reads every evaluation but creates, edits and deletes none. */
export class EvaluationAdministratorReadOnlyError extends DomainError {
  constructor(menteeId: string) {
    super(
      'EVALUATION.ADMINISTRATOR_READ_ONLY',
      'forbidden',
      `Administrators read evaluations but write none, even about a user they coach: a coach of user ${menteeId} who is not an administrator, or one of its managers, does.`,
      { menteeId },
    );
  }
}

/** Seed 002: an administrator reads every coaching session but creates, edits and deletes none. */
export class CoachingSessionAdministratorReadOnlyError extends DomainError {
  constructor(menteeId: string) {
    super(
      'COACHING_SESSION.ADMINISTRATOR_READ_ONLY',
      'forbidden',
      `Administrators read coaching sessions but write none, even about a user they coach: a coach of user ${menteeId} who is not an administrator, or one of its managers, does.`,
      { menteeId },
    );
  }
}

/** An evaluation breaking its rules (the HTTP body is checked before). */
export class EvaluationInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('EVALUATION.INVALID', `The evaluation is not valid: ${reason}.`, { reason });
  }
}

/** A coaching session breaking its rules (the HTTP body is checked before). */
export class CoachingSessionInvalidError extends BusinessRuleError {
  constructor(reason: string) {
    super('COACHING_SESSION.INVALID', `The coaching session is not valid: ${reason}.`, { reason });
  }
}

/** The error of a record of `kind` not found in the tenant. */
export function recordNotFound(kind: RecordKind, id: string): DomainError {
  return kind === 'evaluation' ? new EvaluationNotFoundError(id) : new CoachingSessionNotFoundError(id);
}

/** The error of a refusal of the rules of who reads and writes a record about `menteeId`. */
export function recordRefused(kind: RecordKind, refusal: RecordRefusal, menteeId: string): DomainError {
  if (refusal === 'administrator')
    return kind === 'evaluation'
      ? new EvaluationAdministratorReadOnlyError(menteeId)
      : new CoachingSessionAdministratorReadOnlyError(menteeId);
  return kind === 'evaluation'
    ? new EvaluationForbiddenError(menteeId)
    : new CoachingSessionForbiddenError(menteeId);
}

/** The error of a record whose content breaks the rules of its kind. */
export function recordInvalid(kind: RecordKind, reason: string): DomainError {
  return kind === 'evaluation' ? new EvaluationInvalidError(reason) : new CoachingSessionInvalidError(reason);
}
