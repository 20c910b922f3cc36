import type { GroupAssignmentsStream } from '@lms/contracts';
import { derivedStartDate, isLive, sameCoaches, type Assignment } from './assignment';
import type { Membership } from '../../memberships/domain/membership';
import {
  DELETE_CONFIRMATION,
  type AssignmentChange,
  type ChangeContext,
  type TransferMode,
} from './assignment-lifecycle';
import { decideAssignmentDatesOn, type RequestedDates } from './assignment-dates';
import type { CalendarDate } from './calendar-date';
import type { GroupAssignment } from './group-assignment';

/** The events of `coaching.group-assignments.v1`, one per kind of change. */
export type GroupAssignmentEventType = keyof (typeof GroupAssignmentsStream)['events'];

/** Why a change of a group assignment is refused; each is answered with its own code. */
export type GroupAssignmentRefusal =
  | { rule: 'ended' }
  | { rule: 'not-confirmed' }
  | { rule: 'same-coaches' }
  | { rule: 'expired' }
  | { rule: 'not-expired'; status: GroupAssignment['status'] }
  | { rule: 'dates'; reason: string };

/** What a change of a group assignment decided. */
export type GroupAssignmentChange =
  | { outcome: 'changed'; groupAssignment: GroupAssignment; event: GroupAssignmentEventType }
  | { outcome: 'unchanged' }
  | { outcome: 'refused'; refusal: GroupAssignmentRefusal };

/**
 * The group assignment at its next version: its derived assignments have that version to
 * follow, from the first of them again (CO-A11).
 */
function changed(
  groupAssignment: GroupAssignment,
  fields: Partial<GroupAssignment>,
  event: GroupAssignmentEventType,
  now: Date,
): GroupAssignmentChange {
  const version = groupAssignment.version + 1;
  return {
    outcome: 'changed',
    groupAssignment: {
      ...groupAssignment,
      ...fields,
      follow: { status: 'pending', version, processed: 0, cursor: null },
      updatedAt: now,
      version,
    },
    event,
  };
}

/** CO-A5: deactivated or activated at any time, whatever the dates; its derived assignments follow. */
export function setGroupAssignmentActive(
  groupAssignment: GroupAssignment,
  active: boolean,
  context: ChangeContext,
): GroupAssignmentChange {
  if (groupAssignment.status === 'ended') return { outcome: 'refused', refusal: { rule: 'ended' } };
  if (groupAssignment.active === active) return { outcome: 'unchanged' };
  return changed(groupAssignment, { active }, 'group-assignment.updated', context.now);
}

/** CO-A6: ended as of now; its derived assignments end with it, history kept. */
export function endGroupAssignment(
  groupAssignment: GroupAssignment,
  context: ChangeContext,
): GroupAssignmentChange {
  if (groupAssignment.status === 'ended') return { outcome: 'refused', refusal: { rule: 'ended' } };
  return changed(groupAssignment, { status: 'ended' }, 'group-assignment.ended', context.now);
}

/** CO-A7: handed to other coaches; its derived assignments follow, re-sharing as `mode` says. */
export function transferGroupAssignment(
  groupAssignment: GroupAssignment,
  coachIds: readonly string[],
  context: ChangeContext,
  mode: TransferMode = 'assignment_only',
): GroupAssignmentChange {
  if (groupAssignment.status === 'ended') return { outcome: 'refused', refusal: { rule: 'ended' } };
  if (sameCoaches(coachIds, groupAssignment.coachIds))
    return { outcome: 'refused', refusal: { rule: 'same-coaches' } };
  return changed(
    groupAssignment,
    { coachIds: [...coachIds], transferMode: mode },
    'group-assignment.transferred',
    context.now,
  );
}

/**
 * CO-A4: its date range edited; its derived assignments take the new dates (each member's own
 * later start kept). An end date moved into the past expires it at once; an expired one is
 * reactivated, not edited; an ended one is history.
 */
export function editGroupAssignmentDates(
  groupAssignment: GroupAssignment,
  requested: RequestedDates,
  context: ChangeContext,
): GroupAssignmentChange {
  if (groupAssignment.status === 'ended') return { outcome: 'refused', refusal: { rule: 'ended' } };
  if (groupAssignment.status === 'expired') return { outcome: 'refused', refusal: { rule: 'expired' } };
  const decision = decideAssignmentDatesOn(
    {
      startDate: requested.startDate ?? groupAssignment.startDate,
      endDate: requested.endDate === undefined ? groupAssignment.endDate : requested.endDate,
    },
    context.today,
  );
  if (!decision.ok) return { outcome: 'refused', refusal: { rule: 'dates', reason: decision.reason } };
  const { startDate, endDate } = decision.dates;
  if (startDate === groupAssignment.startDate && endDate === groupAssignment.endDate)
    return { outcome: 'unchanged' };
  const status = endDate !== null && endDate < context.today ? 'expired' : 'current';
  return changed(
    groupAssignment,
    { startDate, endDate, status },
    status === 'expired' ? 'group-assignment.expired' : 'group-assignment.updated',
    context.now,
  );
}

/**
 * CO-A8: the calendar expires a current group assignment whose end date has passed; its
 * derived assignments expire with it, and no member joins it any more.
 */
export function expireGroupAssignment(
  groupAssignment: GroupAssignment,
  context: ChangeContext,
): GroupAssignmentChange {
  const { endDate } = groupAssignment;
  if (groupAssignment.status !== 'current' || groupAssignment.deletedAt !== null)
    return { outcome: 'unchanged' };
  if (endDate === null || endDate >= context.today) return { outcome: 'unchanged' };
  return changed(groupAssignment, { status: 'expired' }, 'group-assignment.expired', context.now);
}

/**
 * CO-A8: an expired group assignment is current again from a new start date (today by default),
 * with no end. Its expired derived assignments stay as history; its fan-out runs again, so that
 * every member matching now gets a new one (a member who left meanwhile, none).
 */
export function reactivateGroupAssignment(
  groupAssignment: GroupAssignment,
  requested: { startDate?: CalendarDate },
  context: ChangeContext,
): GroupAssignmentChange {
  if (groupAssignment.status !== 'expired')
    return { outcome: 'refused', refusal: { rule: 'not-expired', status: groupAssignment.status } };
  const decision = decideAssignmentDatesOn({ startDate: requested.startDate, endDate: null }, context.today);
  if (!decision.ok) return { outcome: 'refused', refusal: { rule: 'dates', reason: decision.reason } };
  const fanOut = {
    status: 'pending' as const,
    processed: 0,
    cursor: null,
    pendingUntil: null,
    completedAt: null,
  };
  return changed(
    groupAssignment,
    { ...decision.dates, status: 'current', fanOut },
    'group-assignment.reactivated',
    context.now,
  );
}

/** CO-A9: deleted for good with the confirmation word, its derived assignments with it. */
export function deleteGroupAssignment(
  groupAssignment: GroupAssignment,
  confirmation: string | undefined,
  context: ChangeContext,
): GroupAssignmentChange {
  if (confirmation !== DELETE_CONFIRMATION) return { outcome: 'refused', refusal: { rule: 'not-confirmed' } };
  return changed(groupAssignment, { deletedAt: context.now }, 'group-assignment.deleted', context.now);
}

/**
 * What one derived assignment becomes to follow its group assignment (CO-A11): deleted with a
 * deleted one, ended with an ended one (an ended derived assignment is history and stays as
 * it is), expired with an expired one (an expired one stays as history when the group
 * assignment is reactivated: its members get new ones), with its coaches (CO-A7), its dates
 * (CO-A4: the group assignment's end; its start, or the member's own later one when
 * `membership` is given) and as active as it is. One step at a time: see
 * {@link followGroupAssignmentSteps}. Applied twice, the second time changes nothing.
 */
export function followGroupAssignment(
  derived: Assignment,
  groupAssignment: GroupAssignment,
  context: ChangeContext,
  membership: Membership | null = null,
): AssignmentChange {
  const { now } = context;
  const dayOf = context.dayOf;
  const next = (
    fields: Partial<Assignment>,
    event: (AssignmentChange & { outcome: 'changed' })['event'],
  ) => ({
    outcome: 'changed' as const,
    assignment: { ...derived, ...fields, updatedAt: now, version: derived.version + 1 },
    event,
  });
  if (derived.deletedAt !== null) return { outcome: 'unchanged' };
  if (groupAssignment.deletedAt !== null) return next({ deletedAt: now }, 'assignment.deleted');
  if (derived.status === 'ended') return { outcome: 'unchanged' };
  if (groupAssignment.status === 'ended')
    return next({ status: 'ended', endedAt: now, endReason: 'group-assignment.ended' }, 'assignment.ended');
  if (!isLive(derived)) return { outcome: 'unchanged' };
  if (groupAssignment.status === 'expired')
    return next({ status: 'expired', endDate: groupAssignment.endDate }, 'assignment.expired');
  // A coach who is the member itself is left out, as when it was derived.
  const coachIds = groupAssignment.coachIds.filter((coachId) => coachId !== derived.menteeId);
  if (!sameCoaches(coachIds, derived.coachIds) && coachIds.length > 0)
    return {
      ...next({ coachIds }, 'assignment.transferred'),
      detail: { reshareArtifacts: groupAssignment.transferMode === 'reshare_artifacts' },
    };
  const startDate = membership ? derivedStartDate(groupAssignment, membership, dayOf) : derived.startDate;
  const { endDate } = groupAssignment;
  if (startDate !== derived.startDate || endDate !== derived.endDate)
    return endDate !== null && startDate > endDate
      ? // The member's own start falls after the new end: nothing is left to coach.
        next({ status: 'expired', endDate }, 'assignment.expired')
      : next(
          { startDate, endDate, status: startDate > context.today ? 'scheduled' : 'current' },
          'assignment.updated',
        );
  if (derived.active !== groupAssignment.active)
    return next({ active: groupAssignment.active }, 'assignment.updated');
  return { outcome: 'unchanged' };
}

/** One change of a derived assignment on its way to follow its group assignment, with its event. */
export type FollowStep = AssignmentChange & { outcome: 'changed' };

/**
 * Every change a derived assignment needs to follow its group assignment, in order, each at
 * the next version with its own event (several changes of the group assignment in quick
 * succession, such as a deactivation and a transfer, are followed in one write). Empty when it
 * follows already.
 */
export function followGroupAssignmentSteps(
  derived: Assignment,
  groupAssignment: GroupAssignment,
  context: ChangeContext,
  membership: Membership | null = null,
): FollowStep[] {
  const steps: FollowStep[] = [];
  let current = derived;
  // Each kind of change happens at most once: the bound only guards against a loop.
  for (let i = 0; i < 8; i++) {
    const change = followGroupAssignment(current, groupAssignment, context, membership);
    if (change.outcome !== 'changed') return steps;
    steps.push(change);
    current = change.assignment;
  }
  throw new Error(`Derived assignment ${derived.id} did not settle while following its group assignment`);
}
