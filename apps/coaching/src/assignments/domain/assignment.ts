import type { AssignmentOrigin, AssignmentStateV1, AssignmentStatus } from '@lms/contracts';
import type { Membership } from '../../memberships/domain/membership';
import { calendarDateOf, laterOf, type CalendarDate } from './calendar-date';
import type { GroupAssignment } from './group-assignment';

/**
 * Why an assignment ended: its member left, its roles stopped matching, an administrator ended
 * it (CO-A6), or the group assignment it came from ended (CO-A11).
 */
export const ASSIGNMENT_END_REASONS = [
  'membership.removed',
  'membership.roles-changed',
  'ended-now',
  'group-assignment.ended',
] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];

/** One mentee coached by one or more coaches (CO-A1), possibly derived from a group assignment (CO-A2). */
export interface Assignment {
  id: string;
  tenantId: string;
  menteeId: string;
  coachIds: string[];
  origin: AssignmentOrigin;
  groupAssignmentId: string | null;
  groupId: string | null;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  status: AssignmentStatus;
  /** False while deactivated (CO-A5): the setup is kept, the coaches are granted nothing. */
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  endedAt: Date | null;
  endReason: AssignmentEndReason | null;
  /** Set when deleted for good (CO-A9): from then on it is in no list, report or read. */
  deletedAt: Date | null;
  /**
   * For a derived assignment, the version of the membership it was derived from: a membership
   * read at a later version ends it when the member no longer matches, never one derived from
   * a newer state than the one read (a member removed and added again meanwhile). Null for an
   * individual assignment.
   */
  membershipVersion: number | null;
  /** When its mentee and a coach last wrote to each other (CO-W1): the "last interaction" of CO-A10. */
  lastInteractionAt: Date | null;
  /**
   * The end date whose coming was announced (`assignment.expiring`, CO-A8), so that it is
   * announced once; null until then, and again once the end date changes.
   */
  expiryNoticeSentFor: CalendarDate | null;
  version: number;
}

/**
 * The first day a member is coached under a group assignment: the group assignment's start
 * for whoever held a matching role when it was made; for whoever took on its roles later,
 * the day they did in the tenant's time zone (`dayOf`; UTC by default), never before the group
 * assignment's start. Depends on stored state only, so the fan-out and a membership event
 * deriving the same assignment agree on it.
 */
export function derivedStartDate(
  groupAssignment: GroupAssignment,
  membership: Membership,
  dayOf: (instant: Date) => CalendarDate = calendarDateOf,
): CalendarDate {
  const since = matchingSince(groupAssignment, membership);
  if (since.getTime() <= groupAssignment.createdAt.getTime()) return groupAssignment.startDate;
  return laterOf(groupAssignment.startDate, dayOf(since));
}

/**
 * Since when the member has held one of the group assignment's roles without a break: the
 * earliest time among its matching roles, so that a change of its other roles moves nothing.
 */
function matchingSince(groupAssignment: GroupAssignment, membership: Membership): Date {
  const times = membership.roles
    .filter((role) => groupAssignment.roles.includes(role))
    .map((role) => membership.roleSince[role] ?? membership.rolesSince);
  return times.length === 0
    ? membership.rolesSince
    : new Date(Math.min(...times.map((time) => time.getTime())));
}

/**
 * The individual assignment a group assignment gives one matching member, or null when the
 * member would start after the group assignment's end date (nothing left to coach).
 */
export function deriveAssignment(
  groupAssignment: GroupAssignment,
  membership: Membership,
  context: { id: string; now: Date; dayOf?: (instant: Date) => CalendarDate },
): Assignment | null {
  const { now, dayOf = calendarDateOf } = context;
  const startDate = derivedStartDate(groupAssignment, membership, dayOf);
  if (groupAssignment.endDate !== null && startDate > groupAssignment.endDate) return null;
  // A member's coaching that starts later is scheduled until its start (CO-A1), as an individual one.
  const status = startDate > dayOf(now) ? 'scheduled' : 'current';
  return {
    id: context.id,
    tenantId: groupAssignment.tenantId,
    menteeId: membership.userId,
    coachIds: [...groupAssignment.coachIds],
    origin: 'group',
    groupAssignmentId: groupAssignment.id,
    groupId: groupAssignment.groupId,
    startDate,
    endDate: groupAssignment.endDate,
    status,
    active: groupAssignment.active,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
    endReason: null,
    deletedAt: null,
    membershipVersion: membership.version,
    lastInteractionAt: null,
    expiryNoticeSentFor: null,
    version: 1,
  };
}

/** Ends an assignment as of now: history is kept, the relationship stops (CO-A6, CO-A11). */
export function endAssignment(
  assignment: Assignment,
  context: { now: Date; reason: AssignmentEndReason },
): Assignment {
  const { now } = context;
  return {
    ...assignment,
    status: 'ended',
    endedAt: now,
    endReason: context.reason,
    updatedAt: now,
    version: assignment.version + 1,
  };
}

/** Whether two lists name the same coaches, in any order (each list names a coach once). */
export function sameCoaches(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((coachId) => b.includes(coachId));
}

/** The full state carried by the assignment's events. */
export function assignmentState(assignment: Assignment): AssignmentStateV1 {
  return {
    assignmentId: assignment.id,
    menteeId: assignment.menteeId,
    coachIds: [...assignment.coachIds],
    origin: assignment.origin,
    groupAssignmentId: assignment.groupAssignmentId,
    groupId: assignment.groupId,
    startDate: assignment.startDate,
    endDate: assignment.endDate,
    status: assignment.status,
    active: assignment.active,
  };
}

/** What deciding who coaches whom needs of an assignment. */
export type CoachingTie = Pick<Assignment, 'menteeId' | 'coachIds' | 'status' | 'active'>;

/**
 * Whether `coachId` coaches `menteeId` now (CO-W3..W5): one of the coaches of a current, active
 * assignment of the mentee. Scheduled, expired, ended and deactivated assignments grant nothing.
 */
export function coachesNow(assignments: readonly CoachingTie[], coachId: string, menteeId: string): boolean {
  return assignments.some(
    (assignment) =>
      assignment.menteeId === menteeId &&
      assignment.status === 'current' &&
      assignment.active &&
      assignment.coachIds.includes(coachId),
  );
}

/** Whether an assignment is in force: scheduled or current, neither expired nor ended. */
export function isLive(assignment: Pick<Assignment, 'status'>): boolean {
  return assignment.status === 'current' || assignment.status === 'scheduled';
}

/**
 * Whether a derived assignment holds its member's one place under its group assignment
 * (decision 4): while it is in force, scheduled or current.
 */
export function holdsMemberPlace(assignment: Pick<Assignment, 'origin' | 'status'>): boolean {
  return assignment.origin === 'group' && isLive(assignment);
}
