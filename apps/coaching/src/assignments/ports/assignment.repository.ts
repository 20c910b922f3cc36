import type { AssignmentStatus } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { Assignment } from '../domain/assignment';

export interface AssignmentFilter {
  menteeId?: string;
  coachId?: string;
  groupAssignmentId?: string;
  status?: AssignmentStatus;
}

export interface AssignmentWithEvents {
  assignment: Assignment;
  outbox: readonly OutboxEntry[];
}

/**
 * Individual assignments (CO-A1), derived ones included. At most one current derived
 * assignment exists per (tenant, group assignment, mentee): a unique index guards it.
 */
export interface AssignmentRepository {
  /**
   * Inserts each derived assignment, with its events, unless a current one already exists for
   * its (tenant, group assignment, mentee), in bulk; has the new ones' events published and
   * returns their ids. Running it twice inserts nothing the second time.
   */
  insertDerivedIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]>;
  /**
   * Replaces a current assignment by its ended state, with its events, if it is still at
   * `expectedVersion` and current; false otherwise (nothing written).
   */
  end(tenantId: string, ended: AssignmentWithEvents, expectedVersion: number): Promise<boolean>;
  findById(tenantId: string, id: string): Promise<Assignment | null>;
  /** The current assignments one group assignment gives the given mentees. */
  listCurrentDerivedFor(
    tenantId: string,
    groupAssignmentId: string,
    menteeIds: readonly string[],
  ): Promise<Assignment[]>;
  /**
   * The current assignments any of the group assignments gives any of the mentees, in one read
   * (a membership batch: the group assignments of one group, the batch's members of it).
   */
  listCurrentDerivedForMany(
    tenantId: string,
    groupAssignmentIds: readonly string[],
    menteeIds: readonly string[],
  ): Promise<Assignment[]>;
  list(tenantId: string, filter: AssignmentFilter, page: PageRequest): Promise<Page<Assignment>>;
}

export const ASSIGNMENT_REPOSITORY = Symbol('ASSIGNMENT_REPOSITORY');
