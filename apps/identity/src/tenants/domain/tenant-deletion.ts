import type { User } from '../../users/domain/user';
import type { UserChange } from '../../users/domain/user-lifecycle';

/**
 * An account of a tenant being deleted: deactivated (ID-U3: it cannot sign in, its data is
 * kept), whatever its state, an expired one included; unchanged when it already is.
 */
export function deactivateForTenantDeletion(user: User, now: Date): UserChange {
  if (user.state === 'deactivated') return { outcome: 'unchanged' };
  return {
    outcome: 'changed',
    user: { ...user, state: 'deactivated', updatedAt: now, version: user.version + 1 },
  };
}
