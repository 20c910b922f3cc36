import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Assignment } from './domain/assignment';

/** The columns of the assignments' export (CO-A12), in order. */
export const ASSIGNMENT_CSV_COLUMNS = [
  'id',
  'menteeId',
  'coachIds',
  'origin',
  'groupAssignmentId',
  'groupId',
  'startDate',
  'endDate',
  'status',
  'active',
  'createdAt',
  'endedAt',
  'endReason',
  'lastInteractionAt',
] as const;

function rowOf(assignment: Assignment): Record<(typeof ASSIGNMENT_CSV_COLUMNS)[number], string> {
  return {
    id: assignment.id,
    menteeId: assignment.menteeId,
    coachIds: assignment.coachIds.join(' '),
    origin: assignment.origin,
    groupAssignmentId: assignment.groupAssignmentId ?? '',
    groupId: assignment.groupId ?? '',
    startDate: assignment.startDate,
    endDate: assignment.endDate ?? '',
    status: assignment.status,
    active: String(assignment.active),
    createdAt: assignment.createdAt.toISOString(),
    endedAt: assignment.endedAt?.toISOString() ?? '',
    endReason: assignment.endReason ?? '',
    lastInteractionAt: assignment.lastInteractionAt?.toISOString() ?? '',
  };
}

/**
 * The assignments as CSV with a header, streamed as they are read. A cell that a spreadsheet
 * would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
 * prefixed with `'` (CSV injection).
 */
export function assignmentsCsv(assignments: AsyncIterable<Assignment>): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const assignment of assignments) yield rowOf(assignment);
    })(),
  );
  return rows.pipe(stringify({ header: true, columns: [...ASSIGNMENT_CSV_COLUMNS], escape_formulas: true }));
}
