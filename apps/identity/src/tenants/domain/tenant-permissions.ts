import { HOST_TENANT_CODE } from './tenant';
import { isSystemAdministrator } from '../../users/domain/user-permissions';

/** Who asks: the tenant it acts in and its administrative roles. */
export interface TenantActor {
  tenantId: string;
  roles: readonly string[];
}

export type TenantAction = 'create' | 'list' | 'read' | 'update' | 'delete';

export type TenantDecision = 'allowed' | 'forbidden' | 'host-undeletable';

/**
 * ID-T2, ID-T3: tenants are managed by the System Administrators of the host tenant only.
 * An Application Administrator (or a System Administrator role held in another tenant) may
 * not create tenants, nor delete any, its own included; nobody deletes the host tenant.
 */
export function decideTenantAction(actor: TenantActor, action: TenantAction, code?: string): TenantDecision {
  if (!isSystemAdministrator(actor)) return 'forbidden';
  if (action === 'delete' && code === HOST_TENANT_CODE) return 'host-undeletable';
  return 'allowed';
}
