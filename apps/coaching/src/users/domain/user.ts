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
