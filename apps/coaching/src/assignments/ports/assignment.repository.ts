import type { AssignmentOrigin, AssignmentStatus } from '@lms/contracts';
import type { OutboxEntry } from '@lms/messaging';
import type { Page, PageRequest } from '@lms/kernel';
import type { Assignment } from '../domain/assignment';
import type { CalendarDate } from '../domain/calendar-date';

/** What a list, an export or a report of assignments keeps (CO-A10, CO-A12); every field narrows. */
export interface AssignmentFilter {
  menteeId?: string;
  coachId?: string;
  groupAssignmentId?: string;
  groupId?: string;
  status?: AssignmentStatus;
  active?: boolean;
  origin?: AssignmentOrigin;
  /** Starting on or after this day. */
  startFrom?: CalendarDate;
  /** Starting on or before this day. */
  startTo?: CalendarDate;
  /**
   * In force on this day: started by then, its end date not before it, not ended before it
   * ("who coached this mentee on that day", from history).
   */
  on?: CalendarDate;
}

/** The orders a list may be read in; newest first by default. */
export const ASSIGNMENT_SORTS = ['-createdAt', 'createdAt', '-startDate', 'startDate'] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

/** How many assignments of a report fall in each status, for each coach and in each group. */
export interface AssignmentCounts {
  total: number;
  byStatus: Record<string, number>;
  byCoach: Array<{ coachId: string; count: number }>;
  byGroup: Array<{ groupId: string | null; count: number }>;
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
   * Inserts each individual assignment with its events unless one of its id exists already, in
   * bulk; has the new ones' events published and returns their ids (CO-A3: a chunk run again
   * creates nothing twice).
   */
  insertIfAbsent(tenantId: string, items: readonly AssignmentWithEvents[]): Promise<string[]>;
  /** The scheduled and current assignments (not deleted) of any of the mentees, in one read. */
  listLiveOf(tenantId: string, menteeIds: readonly string[]): Promise<Assignment[]>;
  /** Inserts a new individual assignment (CO-A1) with its events, and has them published. */
  insert(created: AssignmentWithEvents): Promise<void>;
  /**
   * Replaces an assignment by its next state, with its events, if it is still at
   * `expectedVersion`; false otherwise (nothing written). Every change after creation (ending,
   * editing, the calendar's moves, deletion) is written this way.
   */
  save(tenantId: string, changed: AssignmentWithEvents, expectedVersion: number): Promise<boolean>;
  /**
   * Saves several changes at once (one round trip), each only if its assignment is still at
   * its `expectedVersion`; has the events of those written published; returns how many were
   * written (the others changed meanwhile and wrote nothing).
   */
  saveMany(
    tenantId: string,
    changes: ReadonlyArray<AssignmentWithEvents & { expectedVersion: number }>,
  ): Promise<number>;
  /**
   * The assignments derived from one group assignment (deleted ones excepted), by id after
   * `afterId`, at most `limit`: the pages a group assignment's follow walks (CO-A11).
   */
  listDerivedAfter(
    tenantId: string,
    groupAssignmentId: string,
    afterId: string | null,
    limit: number,
  ): Promise<Assignment[]>;
  /**
   * Notes a message between its mentee and a coach at `at` (CO-W1), unless a later one is noted
   * already; no version, no event: it changes nothing of the assignment's life.
   */
  recordInteraction(tenantId: string, id: string, at: Date): Promise<void>;
  /** The assignment, unless it does not exist in the tenant or was deleted (CO-A9). */
  findById(tenantId: string, id: string): Promise<Assignment | null>;
  /**
   * Assignments of every tenant the calendar moves on `days.today` (scheduled ones, derived
   * ones too, whose start has come; individual current ones whose end has passed) or announces
   * (individual current, active ones ending by `days.noticeUntil` whose end was not announced
   * yet; none when it is null), by id after `afterId`, at most `limit`.
   */
  listDueOnCalendar(days: CalendarDays, afterId: string | null, limit: number): Promise<Assignment[]>;
  /** The current assignments one group assignment gives the given mentees. */
  listCurrentDerivedFor(
    tenantId: string,
    groupAssignmentId: string,
    menteeIds: readonly string[],
  ): Promise<Assignment[]>;
  /**
   * The current assignments a group assignment gives the mentees after `afterMenteeId` up to
   * `untilMenteeId` (null: to the last), in one read: the members a fan-out chunk covered.
   */
  listCurrentDerivedInRange(
    tenantId: string,
    groupAssignmentId: string,
    afterMenteeId: string | null,
    untilMenteeId: string | null,
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
  /**
   * Newest first unless told, by id among equals; deleted assignments are never listed. A
   * cursor reads on in the sort it came from only (`InvalidCursorError` in another).
   */
  list(
    tenantId: string,
    filter: AssignmentFilter,
    page: PageRequest,
    sort?: AssignmentSort,
  ): Promise<Page<Assignment>>;
  /** Every assignment the filter keeps, in the order asked, read a batch at a time (an export). */
  stream(tenantId: string, filter: AssignmentFilter, sort?: AssignmentSort): AsyncIterable<Assignment>;
  /** The counts of what the filter keeps (CO-A12's report), computed by the database. */
  count(tenantId: string, filter: AssignmentFilter): Promise<AssignmentCounts>;
}

/** The days a calendar sweep looks at: today, and the last end date it announces. */
export interface CalendarDays {
  today: CalendarDate;
  noticeUntil: CalendarDate | null;
}

export const ASSIGNMENT_REPOSITORY = Symbol('ASSIGNMENT_REPOSITORY');
