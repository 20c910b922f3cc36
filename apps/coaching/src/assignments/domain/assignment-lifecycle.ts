import type { AssignmentStatus, AssignmentsStream } from '@lms/contracts';
import { sameCoaches, type Assignment } from './assignment';
import { decideAssignmentDatesOn, type AssignmentDates, type RequestedDates } from './assignment-dates';
import { daysBetween, type CalendarDate } from './calendar-date';

/** The events of `coaching.assignments.v1`, one per kind of change. */
export type AssignmentEventType = keyof (typeof AssignmentsStream)['events'];

/** Why a change is refused; each is answered with its own code. */
export type AssignmentRefusal =
  | { rule: 'ended' }
  | { rule: 'expired' }
  | { rule: 'not-expired'; status: AssignmentStatus }
  | { rule: 'derived'; groupAssignmentId: string | null }
  | { rule: 'dates'; reason: string }
  | { rule: 'not-confirmed' }
  | { rule: 'same-coaches' }
  | { rule: 'self-coaching'; userId: string };

/** What a change decided: the assignment at its next version and its event, nothing, or a refusal. */
/**
 * How a transfer treats the artifacts the mentee shared with the previous coaches (CO-A7):
 * `assignment_only` leaves the shares as they are; `reshare_artifacts` moves those shared
 * during the assignment's window to the new coaches (the artifacts feature does, on the event).
 */
export const TRANSFER_MODES = ['assignment_only', 'reshare_artifacts'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** What an event says besides the assignment's state: whether a transfer re-shares artifacts. */
export interface ChangeDetail {
  reshareArtifacts: boolean;
}

export type AssignmentChange =
  | { outcome: 'changed'; assignment: Assignment; event: AssignmentEventType; detail?: ChangeDetail }
  | { outcome: 'unchanged' }
  | { outcome: 'refused'; refusal: AssignmentRefusal };

/**
 * When a change happens: the instant, and the day it is in the tenant's time zone (the day
 * dates are compared with, and a start date left out defaults to).
 */
export interface ChangeContext {
  now: Date;
  today: CalendarDate;
  /** The day an instant falls on in the tenant's time zone, where a change needs it (UTC when absent). */
  dayOf?: (instant: Date) => CalendarDate;
}

/** The word an administrator types to delete an assignment for good (CO-A9). */
export const DELETE_CONFIRMATION = 'DELETE';

/**
 * Where dates put an assignment on `today`: `scheduled` before its start, `expired` after its
 * end (the end date is the last day coached), `current` in between.
 */
export function statusOnDay(dates: AssignmentDates, today: CalendarDate): AssignmentStatus {
  if (dates.startDate > today) return 'scheduled';
  if (dates.endDate !== null && dates.endDate < today) return 'expired';
  return 'current';
}

export interface NewIndividualAssignment {
  tenantId: string;
  menteeId: string;
  coachIds: string[];
  groupId: string | null;
  dates: AssignmentDates;
}

/** An individual assignment (CO-A1): `scheduled` when it starts later, active from the start. */
export function newIndividualAssignment(
  input: NewIndividualAssignment,
  context: ChangeContext & { id: string },
): Assignment {
  const { now } = context;
  return {
    id: context.id,
    tenantId: input.tenantId,
    menteeId: input.menteeId,
    coachIds: [...input.coachIds],
    origin: 'individual',
    groupAssignmentId: null,
    groupId: input.groupId,
    startDate: input.dates.startDate,
    endDate: input.dates.endDate,
    status: statusOnDay(input.dates, context.today),
    active: true,
    createdAt: now,
    updatedAt: now,
    endedAt: null,
    endReason: null,
    deletedAt: null,
    membershipVersion: null,
    lastInteractionAt: null,
    expiryNoticeSentFor: null,
    version: 1,
  };
}

function changed(
  assignment: Assignment,
  fields: Partial<Assignment>,
  event: AssignmentEventType,
  now: Date,
  detail?: ChangeDetail,
): AssignmentChange {
  return {
    outcome: 'changed',
    assignment: { ...assignment, ...fields, updatedAt: now, version: assignment.version + 1 },
    event,
    ...(detail ? { detail } : {}),
  };
}

function refused(refusal: AssignmentRefusal): AssignmentChange {
  return { outcome: 'refused', refusal };
}

/**
 * What an administrator may not do to any assignment in its state: an assignment derived from
 * a group assignment follows it (CO-A11) and is changed through it; an ended one is history.
 */
function administrativeRefusal(assignment: Assignment): AssignmentRefusal | null {
  if (assignment.origin === 'group')
    return { rule: 'derived', groupAssignmentId: assignment.groupAssignmentId };
  if (assignment.status === 'ended') return { rule: 'ended' };
  return null;
}

/**
 * CO-A4: a new date range; an absent date is kept, a null end date removes it. The status
 * follows the dates (a start moved to a later day schedules it again; an end moved before
 * today expires it). An expired assignment is reactivated first, then edited.
 */
export function editDates(
  assignment: Assignment,
  requested: RequestedDates,
  context: ChangeContext,
): AssignmentChange {
  const refusal = administrativeRefusal(assignment);
  if (refusal) return refused(refusal);
  if (assignment.status === 'expired') return refused({ rule: 'expired' });
  const decision = decideAssignmentDatesOn(
    {
      startDate: requested.startDate ?? assignment.startDate,
      endDate: requested.endDate === undefined ? assignment.endDate : requested.endDate,
    },
    context.today,
  );
  if (!decision.ok) return refused({ rule: 'dates', reason: decision.reason });
  const { startDate, endDate } = decision.dates;
  if (startDate === assignment.startDate && endDate === assignment.endDate) return { outcome: 'unchanged' };
  const status = statusOnDay(decision.dates, context.today);
  // A new end date is announced again when it comes near.
  const expiryNoticeSentFor = endDate === assignment.endDate ? assignment.expiryNoticeSentFor : null;
  return changed(
    assignment,
    { startDate, endDate, status, expiryNoticeSentFor },
    'assignment.updated',
    context.now,
  );
}

/** CO-A5: deactivated or activated at any time, whatever the dates; its setup is kept. */
export function setActive(assignment: Assignment, active: boolean, context: ChangeContext): AssignmentChange {
  const refusal = administrativeRefusal(assignment);
  if (refusal) return refused(refusal);
  if (assignment.active === active) return { outcome: 'unchanged' };
  return changed(assignment, { active }, 'assignment.updated', context.now);
}

/** CO-A6: ended as of now, whatever the dates; history and interactions are kept. */
export function endNow(assignment: Assignment, context: ChangeContext): AssignmentChange {
  const refusal = administrativeRefusal(assignment);
  if (refusal) return refused(refusal);
  const { now } = context;
  return changed(
    assignment,
    { status: 'ended', endedAt: now, endReason: 'ended-now' },
    'assignment.ended',
    now,
  );
}

/**
 * CO-A8: an expired assignment returns with a new start date (today by default). Its end date
 * had passed, which is why it expired, so the reactivated assignment has none until it is
 * edited; a start date after today schedules it.
 */
export function reactivate(
  assignment: Assignment,
  requested: { startDate?: CalendarDate },
  context: ChangeContext,
): AssignmentChange {
  const refusal = administrativeRefusal(assignment);
  if (refusal) return refused(refusal);
  if (assignment.status !== 'expired') return refused({ rule: 'not-expired', status: assignment.status });
  const decision = decideAssignmentDatesOn({ startDate: requested.startDate, endDate: null }, context.today);
  if (!decision.ok) return refused({ rule: 'dates', reason: decision.reason });
  const { startDate, endDate } = decision.dates;
  const status = statusOnDay(decision.dates, context.today);
  return changed(
    assignment,
    { startDate, endDate, status, expiryNoticeSentFor: null },
    'assignment.reactivated',
    context.now,
  );
}

/**
 * The calendar's own moves (CO-A1, CO-A8): a scheduled assignment starts on its start date,
 * one past its end date expires. Only forward; an ended assignment, a derived one (it follows
 * its group assignment) and one already where its dates put it are left as they are.
 */
export function followCalendar(assignment: Assignment, context: ChangeContext): AssignmentChange {
  if (assignment.deletedAt !== null) return { outcome: 'unchanged' };
  if (assignment.status !== 'scheduled' && assignment.status !== 'current') return { outcome: 'unchanged' };
  // A derived assignment only starts on the calendar: its end follows its group assignment.
  if (assignment.origin !== 'individual' && assignment.status !== 'scheduled')
    return { outcome: 'unchanged' };
  const status = statusOnDay(assignment, context.today);
  if (status === assignment.status || status === 'scheduled') return { outcome: 'unchanged' };
  return changed(
    assignment,
    { status },
    status === 'current' ? 'assignment.started' : 'assignment.expired',
    context.now,
  );
}

/**
 * CO-A8's notice: the coming end of a current, active individual assignment is announced once
 * (`assignment.expiring`), on the first sweep at most `noticeDays` days before its end date; a
 * new end date is announced again. `noticeDays` 0 announces nothing.
 */
export function noticeOfExpiry(
  assignment: Assignment,
  context: ChangeContext,
  noticeDays: number,
): AssignmentChange {
  const { endDate } = assignment;
  if (
    noticeDays === 0 ||
    assignment.origin !== 'individual' ||
    assignment.deletedAt !== null ||
    assignment.status !== 'current' ||
    !assignment.active ||
    endDate === null ||
    assignment.expiryNoticeSentFor === endDate
  )
    return { outcome: 'unchanged' };
  const daysLeft = daysBetween(context.today, endDate);
  if (daysLeft < 0 || daysLeft > noticeDays) return { outcome: 'unchanged' };
  return changed(assignment, { expiryNoticeSentFor: endDate }, 'assignment.expiring', context.now);
}

/**
 * CO-A7 (the assignment only): handed to other coaches, as of now, dates and history kept; the
 * previous coaches lose the mentee, the new ones gain it. Refused for the coaches it already
 * has, for the mentee as its own coach, and for an ended or derived assignment.
 */
export function transfer(
  assignment: Assignment,
  coachIds: readonly string[],
  context: ChangeContext,
  mode: TransferMode = 'assignment_only',
): AssignmentChange {
  const refusal = administrativeRefusal(assignment);
  if (refusal) return refused(refusal);
  if (coachIds.includes(assignment.menteeId))
    return refused({ rule: 'self-coaching', userId: assignment.menteeId });
  if (sameCoaches(coachIds, assignment.coachIds)) return refused({ rule: 'same-coaches' });
  return changed(assignment, { coachIds: [...coachIds] }, 'assignment.transferred', context.now, {
    reshareArtifacts: mode === 'reshare_artifacts',
  });
}

/**
 * CO-A9: deleted for good, in any state, only with the confirmation word; shares are not
 * touched. Ending it is the alternative that keeps its history.
 */
export function deleteForGood(
  assignment: Assignment,
  confirmation: string | undefined,
  context: ChangeContext,
): AssignmentChange {
  if (assignment.origin === 'group')
    return refused({ rule: 'derived', groupAssignmentId: assignment.groupAssignmentId });
  if (confirmation !== DELETE_CONFIRMATION) return refused({ rule: 'not-confirmed' });
  return changed(assignment, { deletedAt: context.now }, 'assignment.deleted', context.now);
}
