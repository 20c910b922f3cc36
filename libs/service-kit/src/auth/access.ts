import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { CallerKind } from '@lms/contracts';

export { administersTenant, CALLER_KINDS, callerKindOf, reaches, type CallerKind } from '@lms/contracts';

/** Who may call a route: the lowest kind of caller it admits, and the rule in words for the docs. */
export interface AccessRule {
  minimum: CallerKind;
  who: string;
}

export const ACCESS_RULE = 'auth:access';

/** The OpenAPI extension that carries a route's {@link AccessRule}. */
export const ACCESS_EXTENSION = 'x-access';

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
