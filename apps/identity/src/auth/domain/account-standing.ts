import { hasDeletionStarted, type Tenant } from '../../tenants/domain/tenant';
import type { User } from '../../users/domain/user';

/** Whether a user whose password was right may have tokens (ID-U4). */
export type AccountStanding = 'usable' | 'deactivated' | 'expired';

/**
 * Deactivated and expired accounts get no tokens; an account expires at its `expiresAt`. The
 * accounts of a tenant whose deletion has started stand as deactivated (ID-T2): the deletion
 * deactivates them one chunk after another, and none signs in meanwhile. `tenant` is null when
 * this service has no document of the account's tenant.
 */
export function accountStanding(
  user: Pick<User, 'state' | 'expiresAt'>,
  now: Date,
  tenant: Pick<Tenant, 'state'> | null,
): AccountStanding {
  if (user.state === 'deactivated' || hasDeletionStarted(tenant)) return 'deactivated';
  if (user.state === 'expired') return 'expired';
  if (user.expiresAt !== null && user.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}
