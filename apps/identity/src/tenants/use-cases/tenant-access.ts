import { decideTenantAction, type TenantAction, type TenantActor } from '../domain/tenant-permissions';
import { HostTenantUndeletableError, TenantForbiddenError } from '../tenants.errors';

/** Throws `TENANT.FORBIDDEN` (403) or `TENANT.HOST_UNDELETABLE` (409) unless the actor may act. */
export function authorizeTenantAction(actor: TenantActor, action: TenantAction, code?: string): void {
  const decision = decideTenantAction(actor, action, code);
  if (decision === 'forbidden') throw new TenantForbiddenError();
  if (decision === 'host-undeletable') throw new HostTenantUndeletableError();
}
