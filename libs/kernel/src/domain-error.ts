/**
 * What kind of failure a domain error is; the HTTP layer maps each kind to one status.
 * Domain code never speaks HTTP.
 */
export type DomainErrorKind =
  | 'invalid' // the request breaks a business rule (422)
  | 'not_found' // 404
  | 'conflict' // the current state forbids it (409)
  | 'forbidden' // 403
  | 'unauthenticated'; // 401

/** A failure the caller can act on, with a stable `code` such as `ASSIGNMENT.NOT_FOUND`. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'not_found', message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'conflict', message, details);
  }
}

export class BusinessRuleError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, 'invalid', message, details);
  }
}
