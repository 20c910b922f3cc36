import {
  GROUP_ROLES,
  type GroupAssignmentStateV1,
  type GroupAssignmentStatus,
  type GroupRole,
} from '@lms/contracts';
import type { AssignmentDates } from './assignment-dates';
import type { TransferMode } from './assignment-lifecycle';
import type { CalendarDate } from './calendar-date';

export const FAN_OUT_STATUSES = ['pending', 'running', 'done'] as const;
export type FanOutStatus = (typeof FAN_OUT_STATUSES)[number];

/** How far the fan-out of a group assignment got; saved after every chunk so that it resumes. */
export interface FanOutProgress {
  status: FanOutStatus;
  /** Matching members handled so far. */
  processed: number;
  /** The last member (userId) handled: the next chunk starts after it. */
  cursor: string | null;
  /**
   * The last member of a chunk being written, set before its write and cleared with its
   * progress: found set, a chunk was cut short after writing, and the members it covered are
   * checked again whatever the next chunk reads (one removed meanwhile is no longer among them).
   */
  pendingUntil: string | null;
  completedAt: Date | null;
}

/**
 * How far its derived assignments have followed the group assignment's last change (CO-A11):
 * `pending` from the change until every derived assignment matches it, saved after each chunk
 * (the last derived assignment handled, by id) so that it resumes after a crash.
 */
export interface FollowProgress {
  status: 'pending' | 'done';
  /** The version of the group assignment being followed. */
  version: number;
  processed: number;
  cursor: string | null;
}

/** A group, roles within it and coaches (CO-A2): every member holding one of the roles is coached. */
export interface GroupAssignment {
  id: string;
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  status: GroupAssignmentStatus;
  /** False while deactivated (CO-A5): its derived assignments grant nothing either. */
  active: boolean;
  fanOut: FanOutProgress;
  follow: FollowProgress;
  createdAt: Date;
  updatedAt: Date;
  /** Set when deleted for good (CO-A9), its derived assignments with it. */
  deletedAt: Date | null;
  /** How its last transfer treats the mentees' artifacts (CO-A7); absent before any transfer. */
  transferMode?: TransferMode;
  version: number;
}

export interface NewGroupAssignment {
  tenantId: string;
  groupId: string;
  roles: GroupRole[];
  coachIds: string[];
  dates: AssignmentDates;
}

/** Why roles and coaches cannot make a group assignment, or null when they can. */
export function groupAssignmentSetupProblem(
  roles: readonly string[],
  coachIds: readonly string[],
): string | null {
  if (roles.length === 0) return 'at least one role is needed';
  if (roles.some((role) => !(GROUP_ROLES as readonly string[]).includes(role))) return 'unknown role';
  if (new Set(roles).size !== roles.length) return 'a role is given twice';
  if (coachIds.length === 0) return 'at least one coach is needed';
  if (new Set(coachIds).size !== coachIds.length) return 'a coach is given twice';
  return null;
}

export function newGroupAssignment(
  input: NewGroupAssignment,
  context: { id: string; now: Date },
): GroupAssignment {
  const { now } = context;
  return {
    id: context.id,
    tenantId: input.tenantId,
    groupId: input.groupId,
    roles: [...input.roles],
    coachIds: [...input.coachIds],
    startDate: input.dates.startDate,
    endDate: input.dates.endDate,
    status: 'current',
    active: true,
    fanOut: { status: 'pending', processed: 0, cursor: null, pendingUntil: null, completedAt: null },
    follow: { status: 'done', version: 1, processed: 0, cursor: null },
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    version: 1,
  };
}

/** The full state carried by the group assignment's events. */
export function groupAssignmentState(groupAssignment: GroupAssignment): GroupAssignmentStateV1 {
  return {
    groupAssignmentId: groupAssignment.id,
    groupId: groupAssignment.groupId,
    roles: [...groupAssignment.roles],
    coachIds: [...groupAssignment.coachIds],
    startDate: groupAssignment.startDate,
    endDate: groupAssignment.endDate,
    status: groupAssignment.status,
    active: groupAssignment.active,
  };
}

/** Whether it coaches anyone now: current and not deleted (CO-A2, CO-A9). */
export function isInForce(groupAssignment: Pick<GroupAssignment, 'status' | 'deletedAt'>): boolean {
  return groupAssignment.status === 'current' && groupAssignment.deletedAt === null;
}
