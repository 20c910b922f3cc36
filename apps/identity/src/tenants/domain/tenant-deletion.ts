import type { User } from '../../users/domain/user';

/**
 * An account of a tenant being deleted: deactivated (ID-U3: it cannot sign in, its data is
 * kept), or null when it already is.
 */
export function deactivateForTenantDeletion(user: User, now: Date): User | null {
  if (user.state === 'deactivated') return null;
  return { ...user, state: 'deactivated', updatedAt: now, version: user.version + 1 };
}
