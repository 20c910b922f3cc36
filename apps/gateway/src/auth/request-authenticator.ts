import type { Principal } from '@lms/service-kit';

/** What the gateway reads from a request to decide who is calling. */
export interface RequestCredentials {
  /** The `Authorization` header as sent, e.g. `Bearer eyJ...`. */
  authorization: string | undefined;
}

export type Authentication =
  /** Valid credentials: the caller and its tenant. */
  | { status: 'authenticated'; principal: Principal }
  /** No credentials, and the gateway lets the call through for the service to decide. */
  | { status: 'anonymous' }
  /** Credentials present but not acceptable (bad signature, expired): refused with 401. */
  | { status: 'rejected'; detail: string };

/** Verifies a request's credentials (`JwtAuthenticator`). */
export interface RequestAuthenticator {
  authenticate(credentials: RequestCredentials): Promise<Authentication>;
}

export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');
