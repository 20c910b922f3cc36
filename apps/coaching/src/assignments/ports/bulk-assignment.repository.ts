import type { WriteOutcome } from '@lms/kernel';
import type { BulkAssignment } from '../domain/bulk-assignment';

/** Bulk assignments (CO-A3), each in its tenant; the runner's recovery alone reads across tenants. */
export interface BulkAssignmentRepository {
  /** The bulk assignment of this id in the tenant, or null (one of another tenant is not found). */
  findById(tenantId: string, id: string): Promise<BulkAssignment | null>;
  insert(bulk: BulkAssignment): Promise<void>;
  /** Writes it if the stored version is still `expectedVersion`; `stale` when another run got there first. */
  update(bulk: BulkAssignment, expectedVersion: number): Promise<WriteOutcome>;
  /** Those still running, of every tenant, at most `limit` (a cold path: the job runner's recovery). */
  listRunning(limit: number): Promise<Array<Pick<BulkAssignment, 'id' | 'tenantId'>>>;
}

export const BULK_ASSIGNMENT_REPOSITORY = Symbol('BULK_ASSIGNMENT_REPOSITORY');
