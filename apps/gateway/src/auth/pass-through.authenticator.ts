import { Injectable } from '@nestjs/common';
import type { Authentication, RequestAuthenticator } from './request-authenticator';

/**
 * Lets every call through as `anonymous`. The identity service does not issue tokens yet
 * (ID-A1); until it does, each service resolves its caller's tenant itself, and the
 * `Authorization` header, if any, is forwarded untouched.
 *
 * Token verification replaces this class and nothing else: a `JwtAuthenticator`
 * implementing {@link RequestAuthenticator} that reads the bearer token, checks its
 * signature against identity's JWKS (cached, refreshed on an unknown `kid`), its expiry,
 * issuer and audience, and answers `authenticated` with the principal (tenant from the
 * token), `rejected` for a token that fails, and `rejected` for a missing token once every
 * API route requires one. Bind it to `REQUEST_AUTHENTICATOR` in `AuthModule`; the guard,
 * the proxy and the problem+json answers stay as they are.
 */
@Injectable()
export class PassThroughAuthenticator implements RequestAuthenticator {
  async authenticate(): Promise<Authentication> {
    return { status: 'anonymous' };
  }
}
