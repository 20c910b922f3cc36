/**
 * What kind of failure a domain error is; the HTTP layer maps each kind to one status.
 * Domain code never speaks HTTP.
 */
export type DomainErrorKind =
  | 'malformed' // the request cannot be read as it stands, e.g. an altered page cursor (400)
  | 'invalid' // the request breaks a business rule (422)
  | 'not_found' // 404
  | 'conflict' // the current state forbids it (409)
  | 'forbidden' // 403
  | 'unauthenticated' // 401
  | 'rate_limited' // 429, with `Retry-After` when `details.retryAfterSeconds` is given
  | 'stale'; // 412: the caller's `If-Match` names a version that is no longer the current one

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

/**
 * The caller read version `expected` of a resource and asked to change it (`If-Match`), but
 * someone changed it since: nothing is written, so that nobody overwrites a change unseen.
 */
export class StaleVersionError extends DomainError {
  constructor(expected: number, current: number) {
    super(
      'REQUEST.STALE_VERSION',
      'stale',
      'The resource changed since you read it: read it again and reapply your change.',
      { expectedVersion: expected, currentVersion: current },
    );
  }
}

/** Refuses a change of a resource at version `current` when the caller expected another. */
export function assertExpectedVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw new StaleVersionError(expected, current);
}
