import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { CalendarDate } from '../domain/calendar-date';
import type { GroupAssignment } from '../domain/group-assignment';

export interface FanOutChunk {
  /** The cursor the chunk started from: the write applies only if nobody moved it meanwhile. */
  expectedCursor: string | null;
  /** The last member of the chunk. */
  cursor: string;
  processed: number;
  now: Date;
}

/** A chunk of a follow (CO-A11): saved only while the group assignment is still at `version`. */
export interface FollowChunk {
  version: number;
  expectedCursor: string | null;
  cursor: string;
  processed: number;
  now: Date;
}

/** Group assignments (CO-A2) and their fan-out progress. Every query is scoped by tenant. */
export interface GroupAssignmentRepository {
  /** Stores a new group assignment together with its events (one write), then has them published. */
  create(groupAssignment: GroupAssignment, outbox: readonly OutboxEntry[]): Promise<void>;
  /**
   * Replaces it by its next state, with its events, if it is still at `expectedVersion`; false
   * otherwise (nothing written).
   */
  save(
    groupAssignment: GroupAssignment,
    outbox: readonly OutboxEntry[],
    expectedVersion: number,
  ): Promise<boolean>;
  /** The group assignment, a deleted one included (its derived assignments must follow it). */
  findById(tenantId: string, id: string): Promise<GroupAssignment | null>;
  /** The current group assignments (not deleted) of any of the groups, in one read. */
  listCurrentByGroups(tenantId: string, groupIds: readonly string[]): Promise<GroupAssignment[]>;
  /** Newest first; deleted ones are never listed. */
  list(tenantId: string, filter: { groupId?: string }, page: PageRequest): Promise<Page<GroupAssignment>>;
  /** Saves a follow chunk's progress; false when the group assignment changed or another run moved the cursor. */
  recordFollowChunk(tenantId: string, id: string, chunk: FollowChunk): Promise<boolean>;
  /** The follow of `version` is done; false when the group assignment changed since. */
  markFollowDone(tenantId: string, id: string, version: number): Promise<boolean>;
  /**
   * Current group assignments of every tenant whose end date is before `today` (the calendar
   * expires them, CO-A8), by id after `afterId`, at most `limit`; deleted ones never.
   */
  listDueToExpire(today: CalendarDate, afterId: string | null, limit: number): Promise<GroupAssignment[]>;
  /** Group assignments of every tenant whose derived assignments have not followed yet (recovery, a cold path). */
  listUnfinishedFollows(): Promise<GroupAssignment[]>;
  /** pending → running; a no-op in any other state. */
  markFanOutRunning(tenantId: string, id: string, now: Date): Promise<void>;
  /**
   * Notes that the chunk after `expectedCursor`, up to `until`, is being written; false when
   * another run moved the cursor first. Cleared by the chunk's progress.
   */
  markFanOutChunkPending(
    tenantId: string,
    id: string,
    expectedCursor: string | null,
    until: string,
  ): Promise<boolean>;
  /** Saves a chunk's progress; false when another run moved the cursor first (nothing written). */
  recordFanOutChunk(tenantId: string, id: string, chunk: FanOutChunk): Promise<boolean>;
  markFanOutDone(tenantId: string, id: string, now: Date): Promise<void>;
  /**
   * Current group assignments of every tenant whose fan-out is not done (the job runner's
   * recovery, a cold path: a scan on the local stand-in, an index look-up on MongoDB).
   */
  listUnfinishedFanOuts(): Promise<GroupAssignment[]>;
}

export const GROUP_ASSIGNMENT_REPOSITORY = Symbol('GROUP_ASSIGNMENT_REPOSITORY');
