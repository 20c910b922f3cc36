import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Who is calling, and in which tenant: resolved from the request, never from its body or path. */
export interface Principal {
  tenantId: string;
  /** Null only for the single configured tenant of a platform without sign-in. */
  userId: string | null;
  /** Platform level (`user`, `power_user`, `superadmin`). */
  level: string;
  /** Administrative roles (`system_admin`, `application_admin`). */
  roles: readonly string[];
}

export interface RequestWithPrincipal {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/** Resolves the caller of a request: `JwtPrincipalResolver` verifies its access token. */
export interface PrincipalResolver {
  resolve(request: RequestWithPrincipal): Promise<Principal | null>;
}
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');

/** The verified caller of the request; only on routes not open to anyone. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without a principal');
    return principal;
  },
);

/** The tenant of the verified principal. */
export const CurrentTenant = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentTenant used on a route without a principal');
  return principal.tenantId;
});
