import type { GroupAssignmentsStream } from '@lms/contracts';
import { sameCoaches, type Assignment } from './assignment';
import {
  DELETE_CONFIRMATION,
  type AssignmentChange,
  type ChangeContext,
  type TransferMode,
} from './assignment-lifecycle';
import type { GroupAssignment } from './group-assignment';

/** The events of `coaching.group-assignments.v1`, one per kind of change. */
export type GroupAssignmentEventType = keyof (typeof GroupAssignmentsStream)['events'];

/** Why a change of a group assignment is refused; each is answered with its own code. */
export type GroupAssignmentRefusal = { rule: 'ended' } | { rule: 'not-confirmed' } | { rule: 'same-coaches' };

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
 * it is), with its coaches (CO-A7), and as active as it is. Applied twice, the second time changes nothing.
 */
export function followGroupAssignment(
  derived: Assignment,
  groupAssignment: GroupAssignment,
  context: ChangeContext,
): AssignmentChange {
  const { now } = context;
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
  // A coach who is the member itself is left out, as when it was derived.
  const coachIds = groupAssignment.coachIds.filter((coachId) => coachId !== derived.menteeId);
  if (!sameCoaches(coachIds, derived.coachIds) && coachIds.length > 0)
    return {
      ...next({ coachIds }, 'assignment.transferred'),
      detail: { reshareArtifacts: groupAssignment.transferMode === 'reshare_artifacts' },
    };
  if (derived.active !== groupAssignment.active)
    return next({ active: groupAssignment.active }, 'assignment.updated');
  return { outcome: 'unchanged' };
}
