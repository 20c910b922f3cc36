import type { WriteOutcome } from '@lms/kernel';
import type { BulkStateChange } from '../domain/bulk-state-change';

/** Bulk state changes (ID-U5), each in its tenant; the runner's recovery alone reads across tenants. */
export interface BulkStateChangeRepository {
  /** The change of this id in the tenant, or null (one of another tenant is not found). */
  findById(tenantId: string, id: string): Promise<BulkStateChange | null>;
  insert(change: BulkStateChange): Promise<void>;
  /** Writes the change if the stored version is still `expectedVersion`; `stale` when another run got there first. */
  update(change: BulkStateChange, expectedVersion: number): Promise<WriteOutcome>;
  /** Changes still running, of every tenant, in id order after `afterId`, at most `limit`. */
  listRunning(
    afterId: string | null,
    limit: number,
  ): Promise<Array<Pick<BulkStateChange, 'id' | 'tenantId'>>>;
}

export const BULK_STATE_CHANGE_REPOSITORY = Symbol('BULK_STATE_CHANGE_REPOSITORY');
