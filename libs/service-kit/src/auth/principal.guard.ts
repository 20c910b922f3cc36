import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@lms/kernel';
import { PRINCIPAL_RESOLVER, type PrincipalResolver, type RequestWithPrincipal } from './principal';
import { IS_PUBLIC } from './public.decorator';

/** Default deny: a route runs only for a resolved principal, unless marked `@Public()`. */
@Injectable()
export class PrincipalGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const principal = await this.resolver.resolve(request);
    if (!principal)
      throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', 'Authentication is required.');
    request.principal = principal;
    return true;
  }
}
