import { foldNewestState } from '@lms/kernel';

/**
 * What learning knows of one manager's relation to one managee (ID-G4), from identity's
 * organisation events: a manager enrolls its managees (LE-E3).
 */
export interface ManagerRelation {
  tenantId: string;
  managerId: string;
  manageeId: string;
  /** False once removed: the projection keeps the relation as a tombstone at its version. */
  active: boolean;
  /** The relation aggregate's version last applied: older events are ignored (rule 2). */
  version: number;
}

/** The natural key of a relation: also its document id in the projection. */
export function managerRelationKey(r: Pick<ManagerRelation, 'tenantId' | 'managerId' | 'manageeId'>): string {
  return `${r.tenantId}:${r.managerId}:${r.manageeId}`;
}

/** A batch's changes of one relation folded into the write that brings it to the newest (see foldNewestState). */
export function foldManagerRelationChanges(
  storedVersion: number | null,
  changes: readonly ManagerRelation[],
): { newer: boolean[]; write: ManagerRelation | null } {
  return foldNewestState(storedVersion, changes);
}
