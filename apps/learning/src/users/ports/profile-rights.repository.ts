import type { ProfileRights } from '../domain/permission-profile-rights';

/** Learning's projection of the tenants' permission profiles (ID-U2). Every read is scoped by tenant. */
export interface ProfileRightsRepository {
  /** Applies a batch of definitions (rule 8), keeping version order per profile. */
  applyMany(definitions: readonly ProfileRights[]): Promise<void>;
  /** The rights of the profile its holders hold under this name (the newest defined); null: unknown. */
  rightsOf(tenantId: string, name: string): Promise<string[] | null>;
}

export const PROFILE_RIGHTS_REPOSITORY = Symbol('PROFILE_RIGHTS_REPOSITORY');
