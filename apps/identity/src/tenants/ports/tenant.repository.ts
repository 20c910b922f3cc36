import type { OutboxEntry } from '@lms/messaging';
import { type Page, type PageRequest, type WriteOutcome } from '@lms/kernel';
import type { Tenant, TenantLifecycleState } from '../domain/tenant';

/** Tenants, each keyed by its code (the tenant id): every method takes the code or the tenant. */
export interface TenantRepository {
  /** The tenant of this code, in whatever state, or null. */
  findById(code: string): Promise<Tenant | null>;
  /** `duplicate` when the code is taken, by a tenant in any state. */
  insert(tenant: Tenant, outbox: readonly OutboxEntry[]): Promise<'inserted' | 'duplicate'>;
  /**
   * Writes the tenant's new state and its events if the stored version is still
   * `expectedVersion`; `stale` when another writer got there first.
   */
  update(tenant: Tenant, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Tenants in one state, in code order. */
  list(state: TenantLifecycleState, page: PageRequest): Promise<Page<Tenant>>;
}

export const TENANT_REPOSITORY = Symbol('TENANT_REPOSITORY');
