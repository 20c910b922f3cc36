import type { UserState } from '@lms/contracts';

/** What coaching knows of a user (a projection of identity's events). */
export interface UserProjection {
  tenantId: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  state: UserState;
  deleted: boolean;
  /** The user aggregate's version last applied: older events are ignored. */
  version: number;
  updatedAt: string;
}

/** A user event, as the projection applies it: the full state, or a deletion. */
export type UserChange =
  | {
      kind: 'upsert';
      tenantId: string;
      userId: string;
      email: string;
      firstName: string;
      lastName: string;
      state: UserState;
      version: number;
      occurredAt: string;
    }
  | { kind: 'delete'; tenantId: string; userId: string; version: number; occurredAt: string };

/** The natural key of a user: also its document id in the projection. */
export function userKey(tenantId: string, userId: string): string {
  return `${tenantId}:${userId}`;
}

/**
 * One user's changes of a batch (in order), against the version stored (null: not projected
 * yet): which are newer than what is stored, and the newest of them, which carries the user's
 * whole state (or its deletion) and so is the one write to make.
 */
export function foldUserChanges(
  storedVersion: number | null,
  changes: readonly UserChange[],
): { newer: boolean[]; write: UserChange | null } {
  const newer = changes.map((change) => storedVersion === null || change.version > storedVersion);
  const write = changes
    .filter((_, i) => newer[i])
    .reduce<UserChange | null>(
      (newest, change) => (newest && newest.version >= change.version ? newest : change),
      null,
    );
  return { newer, write };
}
