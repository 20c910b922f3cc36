import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@lms/kernel';
import { callerKindOf, reaches } from '@lms/contracts';
import { ACCESS_RULE, type AccessRule } from './access';
import { PRINCIPAL_RESOLVER, type PrincipalResolver, type RequestWithPrincipal } from './principal';

/**
 * Default deny: a route runs only for a resolved principal that reaches the route's
 * `@Access(...)` rule; `@Access('anyone', ...)` opens it to callers without a token. A route
 * that declares no rule admits any signed-in caller (and fails the API document's check).
 */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.minimum === 'anyone') return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = await this.resolver.resolve(request);
    if (!principal)
      throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', 'Authentication is required.');
    if (rule && !reaches(callerKindOf(principal), rule.minimum))
      throw new DomainError('AUTH.FORBIDDEN', 'forbidden', 'You may not call this route.');
    request.principal = principal;
    return true;
  }
}
