import type { Page, PageRequest } from '@lms/kernel';
import type { CoachingRecord, RecordKind } from '../domain/coaching-record';
import type { RecordScope } from '../domain/record-access';

/**
 * Evaluations and coaching sessions (CO-W3), in one collection, each record under its kind.
 * Every method is scoped by tenant, and each read by kind: a record of another tenant or of
 * the other kind is not found.
 */
export interface CoachingRecordRepository {
  insert(record: CoachingRecord): Promise<void>;
  findById<K extends RecordKind>(tenantId: string, kind: K, id: string): Promise<CoachingRecord<K> | null>;
  /** The records of one kind within the scope, newest first (by creation, then by id). */
  list<K extends RecordKind>(
    tenantId: string,
    kind: K,
    scope: RecordScope,
    page: PageRequest,
  ): Promise<Page<CoachingRecord<K>>>;
  /**
   * Replaces a record by its next state if it is still at `expectedVersion`; false otherwise
   * (nothing written).
   */
  save(tenantId: string, changed: CoachingRecord, expectedVersion: number): Promise<boolean>;
  /** Deletes a record for good if it is still at `expectedVersion`; false otherwise. */
  delete(tenantId: string, id: string, expectedVersion: number): Promise<boolean>;
}

export const COACHING_RECORD_REPOSITORY = Symbol('COACHING_RECORD_REPOSITORY');
