import type { PowerUserGrant } from '../domain/power-user';

/** Learning's projection of power users' scopes and profiles (ID-U2). Every read is scoped by tenant. */
export interface PowerUserRepository {
  /**
   * Applies a batch of grants (rule 8), keeping version order per user; a user never stored
   * and granted nothing is not stored.
   */
  applyMany(grants: readonly PowerUserGrant[]): Promise<void>;
  /** The user's grant; null when it grants nothing. */
  find(tenantId: string, userId: string): Promise<PowerUserGrant | null>;
}

export const POWER_USER_REPOSITORY = Symbol('POWER_USER_REPOSITORY');
