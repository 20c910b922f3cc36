import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, bearerToken } from '@lms/service-kit';
import type { Authentication, RequestAuthenticator, RequestCredentials } from './request-authenticator';

/**
 * Verifies the bearer access token of a call before it is proxied, with identity's published
 * keys (fetched once, kept while identity is down, fetched again for an unknown `kid`). A
 * call without a token goes on as `anonymous`: the service answers 401 unless the route is
 * public (sign-in, the key set). A token that fails is refused here with 401.
 */
@Injectable()
export class JwtAuthenticator implements RequestAuthenticator {
  constructor(readonly verifier: AccessTokenVerifier) {}

  async authenticate(credentials: RequestCredentials): Promise<Authentication> {
    if (credentials.authorization === undefined) return { status: 'anonymous' };
    const token = bearerToken(credentials.authorization);
    if (token === null)
      return { status: 'rejected', detail: 'The Authorization header must be "Bearer <access token>".' };
    const principal = await this.verifier.verify(token);
    return principal
      ? { status: 'authenticated', principal }
      : { status: 'rejected', detail: 'The access token is invalid or expired; sign in again.' };
  }
}
