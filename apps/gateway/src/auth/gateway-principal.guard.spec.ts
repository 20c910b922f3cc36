import { DomainError } from '@lms/kernel';
import { GatewayPrincipalGuard, type GuardedRequest } from './gateway-principal.guard';
import type { Authentication, RequestAuthenticator, RequestCredentials } from './request-authenticator';

class AnswerAuthenticator implements RequestAuthenticator {
  readonly seen: RequestCredentials[] = [];
  constructor(private readonly answer: Authentication) {}
  async authenticate(credentials: RequestCredentials): Promise<Authentication> {
    this.seen.push(credentials);
    return this.answer;
  }
}

describe('GatewayPrincipalGuard', () => {
  it('lets a call without credentials through, without a principal, for the service to decide', async () => {
    const guard = new GatewayPrincipalGuard(new AnswerAuthenticator({ status: 'anonymous' }));
    const request: GuardedRequest = { headers: {} };

    await expect(guard.admit(request)).resolves.toBeUndefined();
    expect(request.principal).toBeUndefined();
  });

  it('hands the authenticator the Authorization header and records the principal it returns', async () => {
    const authenticator = new AnswerAuthenticator({
      status: 'authenticated',
      principal: { tenantId: 'tenant-1', userId: 'user-1', level: 'user', roles: [] },
    });
    const request: GuardedRequest = { headers: { authorization: 'Bearer abc' } };

    await new GatewayPrincipalGuard(authenticator).admit(request);

    expect(authenticator.seen).toEqual([{ authorization: 'Bearer abc' }]);
    expect(request.principal).toEqual({ tenantId: 'tenant-1', userId: 'user-1', level: 'user', roles: [] });
  });

  it('refuses rejected credentials as AUTH.UNAUTHENTICATED (401)', async () => {
    const guard = new GatewayPrincipalGuard(
      new AnswerAuthenticator({ status: 'rejected', detail: 'The token expired.' }),
    );

    const refusal = guard.admit({ headers: { authorization: 'Bearer old' } });

    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED', kind: 'unauthenticated' });
  });
});
