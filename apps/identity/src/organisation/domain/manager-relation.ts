import type { UserState } from '@lms/contracts';

export const MANAGER_RELATION_STATUSES = ['active', 'removed'] as const;
export type ManagerRelationStatus = (typeof MANAGER_RELATION_STATUSES)[number];

/**
 * ID-G4: a manager monitors a managee. Removing the relation keeps the document as a
 * tombstone, so that its version keeps increasing when the managee is added again.
 */
export interface ManagerRelation {
  id: string;
  tenantId: string;
  managerId: string;
  manageeId: string;
  status: ManagerRelationStatus;
  createdAt: Date;
  updatedAt: Date;
  removedAt: Date | null;
  version: number;
}

/** What adding one candidate managee came to, as the answer tells it per id or email. */
export const MANAGEE_OUTCOMES = ['added', 'already', 'not_found', 'not_active', 'self'] as const;
export type ManageeOutcome = (typeof MANAGEE_OUTCOMES)[number];

/** The most candidate managees one request may name. */
export const MAX_MANAGEES_PER_REQUEST = 1000;

/** Account states that can sign in: only these become managees (ID-G4). */
const ACTIVE_STATES: readonly UserState[] = ['activated', 'active'];

/**
 * Whether a candidate can become the manager's managee: not the manager itself, an account of
 * the tenant, and an active one. `eligible` leaves the decision to {@link addManagee}.
 */
export function screenManagee(
  managerId: string,
  candidate: { id: string; state: UserState } | null,
): 'eligible' | Exclude<ManageeOutcome, 'added' | 'already'> {
  if (!candidate) return 'not_found';
  if (candidate.id === managerId) return 'self';
  return ACTIVE_STATES.includes(candidate.state) ? 'eligible' : 'not_active';
}

export type AddManageeDecision = { outcome: 'added'; relation: ManagerRelation } | { outcome: 'already' };

/** Adds a managee, or adds a removed one again with the next version. */
export function addManagee(
  existing: ManagerRelation | null,
  request: { id: string; tenantId: string; managerId: string; manageeId: string },
  now: Date,
): AddManageeDecision {
  if (existing?.status === 'active') return { outcome: 'already' };
  if (existing)
    return {
      outcome: 'added',
      relation: {
        ...existing,
        status: 'active',
        removedAt: null,
        updatedAt: now,
        version: existing.version + 1,
      },
    };
  return {
    outcome: 'added',
    relation: {
      ...request,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      removedAt: null,
      version: 1,
    },
  };
}

export type RemoveManageeDecision =
  | { outcome: 'removed'; relation: ManagerRelation }
  | { outcome: 'not-managee' };

/** Ends an active relation: it becomes a tombstone with the next version. */
export function removeManagee(existing: ManagerRelation | null, now: Date): RemoveManageeDecision {
  if (existing?.status !== 'active') return { outcome: 'not-managee' };
  return {
    outcome: 'removed',
    relation: {
      ...existing,
      status: 'removed',
      removedAt: now,
      updatedAt: now,
      version: existing.version + 1,
    },
  };
}
