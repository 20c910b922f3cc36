import { AccessTokenVerifier, bearerToken } from './access-token';
import type { Principal, PrincipalResolver, RequestWithPrincipal } from './principal';

/**
 * The caller of a request is the principal of its bearer access token, verified by this
 * process itself: no token, or one that fails verification, is no principal (401).
 */
export class JwtPrincipalResolver implements PrincipalResolver {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  async resolve(request: RequestWithPrincipal): Promise<Principal | null> {
    const token = bearerToken(request.headers.authorization);
    return token === null ? null : this.verifier.verify(token);
  }
}
