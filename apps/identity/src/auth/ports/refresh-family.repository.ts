import type { RefreshFamily } from '../domain/refresh-token';

/** Refresh token families, one per login. */
export interface RefreshFamilyRepository {
  /** The family, or null when unknown or of another tenant. */
  findById(tenantId: string, id: string): Promise<RefreshFamily | null>;
  insert(family: RefreshFamily): Promise<void>;
  /** Revokes the family at `at` unless it is revoked already (the first revocation's time stays). */
  revoke(tenantId: string, id: string, at: Date): Promise<void>;
}

export const REFRESH_FAMILY_REPOSITORY = Symbol('REFRESH_FAMILY_REPOSITORY');
