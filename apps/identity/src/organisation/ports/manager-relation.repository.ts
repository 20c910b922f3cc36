import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { ManagerRelation } from '../domain/manager-relation';

/**
 * Manager relations of one tenant at a time (ID-G4): every method takes the tenant id. Each
 * write stores the relation and its events (outbox) in one single-document write (rule 1).
 */
export interface ManagerRelationRepository {
  /** The relation of a manager and a managee, removed ones (tombstones) included. */
  find(tenantId: string, managerId: string, manageeId: string): Promise<ManagerRelation | null>;
  /** `stale` when the tenant already has a relation (even removed) of this manager and managee. */
  insert(relation: ManagerRelation, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** Replaces the stored state if its version is still `expectedVersion`; else `stale`. */
  update(
    relation: ManagerRelation,
    expectedVersion: number,
    outbox: readonly OutboxEntry[],
  ): Promise<WriteOutcome>;
  /** A manager's active relations, in the order they were first made. */
  listManagees(tenantId: string, managerId: string, page: PageRequest): Promise<Page<ManagerRelation>>;
  /** ID-R1: whether the user has at least one active managee. */
  hasManagees(tenantId: string, managerId: string): Promise<boolean>;
}

export const MANAGER_RELATION_REPOSITORY = Symbol('MANAGER_RELATION_REPOSITORY');
