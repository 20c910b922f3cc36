import { HOST_TENANT_CODE } from './tenants.stream';

/**
 * The kinds of caller the platform tells apart, lowest first; each admits what those below it
 * may do. `user`: any account; `power_user`: the level `power_user`; `administrator`: a System
 * or Application Administrator, or the level `superadmin` (ID-R4: the most permissive wins);
 * `system_administrator`: the role `system_admin` in the host tenant (elsewhere it counts as
 * an Application Administrator). `anyone` is a caller without an account.
 */
export const CALLER_KINDS = [
  'anyone',
  'user',
  'power_user',
  'administrator',
  'system_administrator',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** The highest kind a signed-in caller is, from its tenant, administrative roles and level. */
export function callerKindOf(caller: {
  tenantId: string;
  roles: readonly string[];
  level?: string;
}): CallerKind {
  if (caller.roles.includes('system_admin') && caller.tenantId === HOST_TENANT_CODE)
    return 'system_administrator';
  if (
    caller.roles.includes('application_admin') ||
    caller.roles.includes('system_admin') ||
    caller.level === 'superadmin'
  )
    return 'administrator';
  return caller.level === 'power_user' ? 'power_user' : 'user';
}

/** Whether a caller of kind `kind` reaches what `minimum` and above may do. */
export function reaches(kind: CallerKind, minimum: CallerKind): boolean {
  return CALLER_KINDS.indexOf(kind) >= CALLER_KINDS.indexOf(minimum);
}

/**
 * Whether a caller administers its tenant: a System or Application Administrator, or the level
 * `superadmin` (roles and level combine, the most permissive winning).
 */
export function administersTenant(caller: {
  tenantId: string;
  roles: readonly string[];
  level?: string;
}): boolean {
  return reaches(callerKindOf(caller), 'administrator');
}
