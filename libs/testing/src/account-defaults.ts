import type { UserStateV1 } from '@lms/contracts';

/**
 * The account fields of a user event that tests about something else do not care about:
 * what identity publishes for a plain learner.
 */
export const ACCOUNT_DEFAULTS: Pick<
  UserStateV1,
  'timezone' | 'level' | 'adminRoles' | 'customFields' | 'expiresAt'
> = {
  timezone: 'Europe/Rome',
  level: 'user',
  adminRoles: [],
  customFields: {},
  expiresAt: null,
};
