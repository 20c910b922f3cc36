import type { WriteOutcome } from '@lms/kernel';
import type { AdminRegistry, UnsettledAdministrator } from '../domain/admin-registry';

/** The administrator registries, one document per tenant (its id is the tenant's). */
export interface AdminRegistryRepository {
  find(tenantId: string): Promise<AdminRegistry | null>;
  /** `duplicate` when the tenant has a registry already. */
  insert(registry: AdminRegistry): Promise<'inserted' | 'duplicate'>;
  /** Writes the registry if the stored version is still `expectedVersion`; else `stale`. */
  update(registry: AdminRegistry, expectedVersion: number): Promise<WriteOutcome>;
  /**
   * Forgets one unsettled entry (exactly this one: a newer entry of the same user stays),
   * once its user's account agrees with the registry. Not a new version: nothing was decided.
   */
  markSettled(tenantId: string, entry: UnsettledAdministrator): Promise<void>;
  /** Registries with unsettled entries, in tenant order after `afterTenantId`, at most `limit`. */
  listUnsettled(afterTenantId: string | null, limit: number): Promise<AdminRegistry[]>;
}

export const ADMIN_REGISTRY_REPOSITORY = Symbol('ADMIN_REGISTRY_REPOSITORY');
