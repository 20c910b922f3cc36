import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { HOST_TENANT_CODE } from '@lms/contracts';
import type { Principal } from './principal';

/**
 * The kinds of caller a route admits, lowest first; a route admits its kind and every kind
 * above it. `anyone`: no token needed. `user`: any signed-in account of the tenant (the use
 * case may narrow it, e.g. to the user itself). `power_user`: the level `power_user` and up
 * (its scope and profile are checked by the use case). `administrator`: a System or
 * Application Administrator, or the level `superadmin` (ID-R4: the most permissive wins).
 * `system_administrator`: the role `system_admin` in the host tenant.
 */
export const CALLER_KINDS = [
  'anyone',
  'user',
  'power_user',
  'administrator',
  'system_administrator',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** Who may call a route: the lowest kind of caller it admits, and the rule in words for the docs. */
export interface AccessRule {
  minimum: CallerKind;
  who: string;
}

export const ACCESS_RULE = 'auth:access';

/** The OpenAPI extension that carries a route's {@link AccessRule}. */
export const ACCESS_EXTENSION = 'x-access';

/** The highest kind a signed-in caller is. */
export function callerKindOf(principal: Pick<Principal, 'tenantId' | 'level' | 'roles'>): CallerKind {
  if (principal.roles.includes('system_admin') && principal.tenantId === HOST_TENANT_CODE)
    return 'system_administrator';
  if (
    principal.roles.includes('application_admin') ||
    principal.roles.includes('system_admin') ||
    principal.level === 'superadmin'
  )
    return 'administrator';
  return principal.level === 'power_user' ? 'power_user' : 'user';
}

/** Whether a caller of kind `kind` reaches a route that admits `minimum` and above. */
export function reaches(kind: CallerKind, minimum: CallerKind): boolean {
  return CALLER_KINDS.indexOf(kind) >= CALLER_KINDS.indexOf(minimum);
}

/**
 * Declares who may call a route (on the handler, or on the controller for all its routes):
 * the guard refuses callers below `minimum` (401 without a token, 403 `AUTH.FORBIDDEN`
 * otherwise) before the route runs, and the API document shows the rule. Every route
 * declares one: the API document generator refuses a route without it.
 */
export function Access(minimum: CallerKind, who: string): ClassDecorator & MethodDecorator {
  const rule: AccessRule = { minimum, who };
  const decorators = [SetMetadata(ACCESS_RULE, rule), ApiExtension(ACCESS_EXTENSION, rule)];
  if (minimum !== 'anyone') decorators.push(ApiBearerAuth());
  return applyDecorators(...decorators);
}
