import { DomainError } from '@lms/kernel';

const CONTACT_ADMINISTRATOR = 'Contact an administrator of your organisation to restore access.';

/** Wrong password, unknown e-mail, unknown tenant or no password: one answer for all. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('AUTH.INVALID_CREDENTIALS', 'unauthenticated', 'The tenant, e-mail or password is not right.');
  }
}

export class AccountDeactivatedError extends DomainError {
  constructor() {
    super('AUTH.ACCOUNT_DEACTIVATED', 'forbidden', `This account is deactivated. ${CONTACT_ADMINISTRATOR}`);
  }
}

export class AccountExpiredError extends DomainError {
  constructor() {
    super('AUTH.ACCOUNT_EXPIRED', 'forbidden', `This account has expired. ${CONTACT_ADMINISTRATOR}`);
  }
}

/**
 * Too many failed logins for the account or the client address: 429, with `Retry-After`.
 */
export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'AUTH.TOO_MANY_ATTEMPTS',
      'rate_limited',
      `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}

/** Unknown, expired or revoked refresh token. */
export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('AUTH.INVALID_REFRESH_TOKEN', 'unauthenticated', 'The refresh token is not valid; sign in again.');
  }
}

/** A refresh token presented after it was exchanged: its whole family is revoked. */
export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super(
      'AUTH.REFRESH_TOKEN_REUSED',
      'unauthenticated',
      'The refresh token was already used, so its sign-in has been revoked. Sign in again.',
    );
  }
}

/** A route for a signed-in user called with a principal that is no user. */
export class NotSignedInError extends DomainError {
  constructor() {
    super('AUTH.UNAUTHENTICATED', 'unauthenticated', 'Sign in to use this route.');
  }
}
