import type { GroupRole } from '@lms/contracts';
import { nameBasedId, nextBulkChunk, recordBulkChunk, type BulkProgress } from '@lms/kernel';
import type { Membership } from '../../memberships/domain/membership';
import { unassignableAmong } from '../../users/domain/user-assignability';
import type { CoachingUser } from '../../users/domain/coaching-user';
import type { Assignment } from './assignment';
import type { AssignmentDates } from './assignment-dates';
import { newIndividualAssignment, type ChangeContext } from './assignment-lifecycle';

/** Mentees of one bulk assignment, at most (CO-A3). */
export const MAX_BULK_MENTEES = 10_000;

/**
 * What became of one chosen mentee: `created`; `already_assigned` (it has a scheduled or
 * current assignment with every one of the coaches); `not_a_member` (not an active member of
 * the group with one of the roles); `unassignable` (unknown to coaching, deactivated, expired
 * or deleted: `reason` says which); `self` (one of the coaches).
 */
export const BULK_ASSIGNMENT_OUTCOMES = [
  'created',
  'already_assigned',
  'not_a_member',
  'unassignable',
  'self',
] as const;
export type BulkAssignmentOutcome = (typeof BULK_ASSIGNMENT_OUTCOMES)[number];

export interface BulkAssignmentResult {
  menteeId: string;
  outcome: BulkAssignmentOutcome;
  /** The assignment created, or the one that already had those coaches. */
  assignmentId?: string;
  reason?: string;
}

/**
 * CO-A3: individual assignments of the same coaches and dates for many chosen members of a
 * group holding one of some roles, run as a job chunk by chunk with its results as progress.
 */
export interface BulkAssignment extends BulkProgress<BulkAssignmentResult> {
  id: string;
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  dates: AssignmentDates;
  /** The chosen mentees, each once, in the order first given. */
  menteeIds: string[];
  createdAt: Date;
}

export function startBulkAssignment(
  input: Omit<BulkAssignment, 'menteeIds' | 'results' | 'state' | 'finishedAt' | 'version' | 'createdAt'> & {
    menteeIds: readonly string[];
  },
  now: Date,
): BulkAssignment {
  return {
    ...input,
    roles: [...input.roles],
    coachIds: [...input.coachIds],
    menteeIds: [...new Set(input.menteeIds)],
    results: [],
    state: 'running',
    finishedAt: null,
    createdAt: now,
    version: 1,
  };
}

/** The mentees of the next chunk: up to `size` after the last one done. */
export function nextMentees(bulk: BulkAssignment, size: number): string[] {
  return nextBulkChunk(bulk.menteeIds, bulk, size);
}

export function recordMentees(
  bulk: BulkAssignment,
  results: readonly BulkAssignmentResult[],
  now: Date,
): BulkAssignment {
  return recordBulkChunk(bulk, bulk.menteeIds.length, results, now);
}

/**
 * The id of the assignment a bulk assignment creates for a mentee: always the same, so that a
 * chunk run again after a crash finds what it created and creates nothing twice.
 */
export function bulkAssignmentIdFor(bulk: Pick<BulkAssignment, 'id'>, menteeId: string): string {
  return nameBasedId(bulk.id, menteeId);
}

/** Whether `assignment` already gives its mentee every one of `coachIds`, now or later. */
export function hasCoaches(assignment: Assignment, coachIds: readonly string[]): boolean {
  return (
    (assignment.status === 'current' || assignment.status === 'scheduled') &&
    assignment.deletedAt === null &&
    coachIds.every((coachId) => assignment.coachIds.includes(coachId))
  );
}

/** What is known of a chunk's mentees when it is decided, each list of any order. */
export interface ChunkFacts {
  users: readonly CoachingUser[];
  memberships: readonly Membership[];
  /** Their scheduled and current assignments. */
  assignments: readonly Assignment[];
}

/**
 * What a chunk of a bulk assignment does (CO-A3): for each mentee, in order, its result and,
 * when `created`, the assignment to insert. A mentee whose assignment this very bulk created
 * (a chunk run again after a crash) reads `created` again, not `already_assigned`.
 */
export function decideBulkChunk(
  bulk: BulkAssignment,
  menteeIds: readonly string[],
  facts: ChunkFacts,
  context: ChangeContext,
): { results: BulkAssignmentResult[]; toCreate: Assignment[] } {
  const unassignable = new Map(
    unassignableAmong(menteeIds, facts.users, context.now).map(({ userId, reason }) => [userId, reason]),
  );
  const members = new Map(facts.memberships.map((membership) => [membership.userId, membership]));
  const results: BulkAssignmentResult[] = [];
  const toCreate: Assignment[] = [];
  for (const menteeId of menteeIds) {
    const ownId = bulkAssignmentIdFor(bulk, menteeId);
    const existing = facts.assignments.find(
      (assignment) => assignment.menteeId === menteeId && hasCoaches(assignment, bulk.coachIds),
    );
    const membership = members.get(menteeId);
    if (existing?.id === ownId) results.push({ menteeId, outcome: 'created', assignmentId: ownId });
    else if (bulk.coachIds.includes(menteeId)) results.push({ menteeId, outcome: 'self' });
    else if (unassignable.has(menteeId))
      results.push({ menteeId, outcome: 'unassignable', reason: unassignable.get(menteeId) });
    else if (
      membership === undefined ||
      membership.status !== 'active' ||
      !membership.roles.some((role) => bulk.roles.includes(role))
    )
      results.push({ menteeId, outcome: 'not_a_member' });
    else if (existing) results.push({ menteeId, outcome: 'already_assigned', assignmentId: existing.id });
    else {
      toCreate.push(
        newIndividualAssignment(
          {
            tenantId: bulk.tenantId,
            menteeId,
            coachIds: bulk.coachIds,
            groupId: bulk.groupId,
            dates: bulk.dates,
          },
          { ...context, id: ownId },
        ),
      );
      results.push({ menteeId, outcome: 'created', assignmentId: ownId });
    }
  }
  return { results, toCreate };
}

/**
 * The two bins of CO-A3: the group's members holding one of the roles, split by whether they
 * already have every one of the coaches (`assigned`) or not (`unassigned`). A coach is in
 * neither: nobody coaches themselves.
 */
export function binsOf(
  memberIds: readonly string[],
  assignments: readonly Assignment[],
  coachIds: readonly string[],
): { assigned: string[]; unassigned: string[] } {
  const assigned = new Set(
    assignments
      .filter((assignment) => hasCoaches(assignment, coachIds))
      .map((assignment) => assignment.menteeId),
  );
  const candidates = memberIds.filter((userId) => !coachIds.includes(userId));
  return {
    assigned: candidates.filter((userId) => assigned.has(userId)),
    unassigned: candidates.filter((userId) => !assigned.has(userId)),
  };
}
