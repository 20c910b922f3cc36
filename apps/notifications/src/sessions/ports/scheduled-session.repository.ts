import type { ScheduledSession, SessionChange } from '../domain/scheduled-session';

/** The sessions of instructor-led courses, every tenant's, newest version kept. */
export interface ScheduledSessionRepository {
  /** Applies a batch of session changes: per session, the newest one newer than what is stored. */
  applyMany(changes: readonly SessionChange[]): Promise<void>;
  find(tenantId: string, sessionId: string): Promise<ScheduledSession | null>;
  /**
   * Sessions of every tenant whose reminder is due and that start up to `until` (those that
   * started already included), soonest first, at most `limit`.
   */
  dueForReminder(until: Date, limit: number): Promise<ScheduledSession[]>;
  /**
   * Records that the learners of the session, as read, were reminded of its start; false (nothing
   * written) when it changed since: it is looked at again.
   */
  markReminded(session: ScheduledSession): Promise<boolean>;
}

export const SCHEDULED_SESSION_REPOSITORY = Symbol('SCHEDULED_SESSION_REPOSITORY');
