import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { Import } from '../domain/import';

/** Imports (ID-I4), each in its tenant; the runner's recovery alone reads across tenants. */
export interface ImportRepository {
  /** The import of this id in the tenant, or null (one of another tenant is not found). */
  findById(tenantId: string, id: string): Promise<Import | null>;
  insert(entry: Import): Promise<void>;
  /**
   * Writes the import's progress, and its events in the same write (rule 1), if the stored
   * version is still `expectedVersion`; `stale` when another run got there first.
   */
  update(entry: Import, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** The tenant's imports, newest first. */
  list(tenantId: string, page: PageRequest): Promise<Page<Import>>;
  /** Imports not over yet (validating or applying), of every tenant, in id order after `afterId`, at most `limit`. */
  listUnfinished(afterId: string | null, limit: number): Promise<Array<Pick<Import, 'id' | 'tenantId'>>>;
}

export const IMPORT_REPOSITORY = Symbol('IMPORT_REPOSITORY');
