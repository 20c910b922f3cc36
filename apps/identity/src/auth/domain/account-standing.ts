import type { User } from '../../users/domain/user';

/** Whether a user whose password was right may have tokens (ID-U4). */
export type AccountStanding = 'usable' | 'deactivated' | 'expired';

/** Deactivated and expired accounts get no tokens; an account expires at its `expiresAt`. */
export function accountStanding(user: Pick<User, 'state' | 'expiresAt'>, now: Date): AccountStanding {
  if (user.state === 'deactivated') return 'deactivated';
  if (user.state === 'expired') return 'expired';
  if (user.expiresAt !== null && user.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'usable';
}
