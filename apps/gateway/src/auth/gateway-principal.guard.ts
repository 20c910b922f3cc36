import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@lms/kernel';
import { type Principal } from '@lms/service-kit';
import { REQUEST_AUTHENTICATOR, type RequestAuthenticator } from './request-authenticator';

export interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Set when the caller was authenticated. */
  principal?: Principal;
}

/**
 * The gateway's gate in front of every proxied route: asks the authenticator who is
 * calling, refuses rejected credentials with 401 problem+json, and records the principal
 * on the request. The services verify the token again themselves.
 */
@Injectable()
export class GatewayPrincipalGuard {
  constructor(@Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator) {}

  async admit(request: GuardedRequest): Promise<void> {
    const header = request.headers.authorization;
    const authentication = await this.authenticator.authenticate({
      authorization: Array.isArray(header) ? header[0] : header,
    });
    switch (authentication.status) {
      case 'authenticated':
        request.principal = authentication.principal;
        return;
      case 'anonymous':
        return;
      case 'rejected':
        throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', authentication.detail);
    }
  }
}
