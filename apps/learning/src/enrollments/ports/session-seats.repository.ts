import type { SessionSeats } from '../domain/session-seats';

/** The seat holders of instructor-led sessions (LE-E2), one document per session. */
export interface SessionSeatsRepository {
  /** The seats of a session; a session of another tenant or nobody enrolled in: none taken. */
  find(tenantId: string, sessionId: string): Promise<SessionSeats>;
  /**
   * Writes the seats if they are still at `expectedVersion` (0: none written yet); false when
   * another writer got there first (nothing written).
   */
  save(changed: SessionSeats, expectedVersion: number): Promise<boolean>;
}

export const SESSION_SEATS_REPOSITORY = Symbol('SESSION_SEATS_REPOSITORY');
