import type { GroupConfidentiality } from '@lms/contracts';
import type { Page, PageRequest, WriteOutcome } from '@lms/kernel';
import type { OutboxEntry } from '@lms/messaging';
import type { Group } from '../domain/group';

/** Which groups a list holds: every filter given applies. */
export interface GroupListFilter {
  /** Groups whose name starts with this (case-insensitive). */
  namePrefix?: string;
  confidentiality?: GroupConfidentiality;
  /** Only these groups, or (with `orPublic`) these and the public ones; absent: every group. */
  visible?: { groupIds: readonly string[]; orPublic: boolean };
}

/** Groups of one tenant at a time: every method takes the tenant id. A deleted group is found by none. */
export interface GroupRepository {
  findById(tenantId: string, id: string): Promise<Group | null>;
  insert(group: Group, outbox: readonly OutboxEntry[]): Promise<void>;
  /** Replaces the stored state if its version is still `expectedVersion`; else `stale`. */
  update(group: Group, expectedVersion: number, outbox: readonly OutboxEntry[]): Promise<WriteOutcome>;
  /** The tenant's groups (not deleted), oldest first. */
  list(tenantId: string, filter: GroupListFilter, page: PageRequest): Promise<Page<Group>>;
  /** Groups being deleted, of every tenant (the deletion job's recovery), in id order after `afterId`. */
  listDeleting(afterId: string | null, limit: number): Promise<Array<Pick<Group, 'id' | 'tenantId'>>>;
}

export const GROUP_REPOSITORY = Symbol('GROUP_REPOSITORY');
