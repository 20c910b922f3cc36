/** A session of an instructor-led course, as notifications keeps it (projection of learning's sessions). */
export interface ScheduledSession {
  tenantId: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  link: string | null;
  cancelled: boolean;
  /**
   * The start its learners were reminded of (their reminders recorded); null until then. A
   * session moved to another time is due again.
   */
  remindedStartsAt: Date | null;
  /** Whether its learners are still to be reminded of its current start. */
  reminderDue: boolean;
  /** The session's last applied `aggregateVersion`. */
  version: number;
}

/** One session event, as the projection applies it: the session's full state. */
export interface SessionChange {
  tenantId: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  link: string | null;
  cancelled: boolean;
  /** The event's `aggregateVersion`. */
  version: number;
}

/** The `_id` of a session: its id within its tenant. */
export function scheduledSessionKey(tenantId: string, sessionId: string): string {
  return `${tenantId}:${sessionId}`;
}

/** What a batch writes of one session: its newest change and whether a reminder is due for it. */
export interface SessionWrite extends SessionChange {
  reminderDue: boolean;
}

/**
 * The write a batch's changes of one session make, given the version stored (null: none) and
 * the start its learners were last reminded of: the newest change newer than what is stored
 * (every event carries the full state), a reminder due unless it is cancelled or its learners
 * were reminded of that very start; null when none is newer. `newer` says, per change, whether
 * it was newer than the stored version.
 */
export function foldSessionChanges(
  storedVersion: number | null,
  changes: readonly SessionChange[],
  remindedStartsAt: Date | null,
): { write: SessionWrite | null; newer: boolean[] } {
  const newer = changes.map((change) => storedVersion === null || change.version > storedVersion);
  const newest = changes
    .filter((_, i) => newer[i])
    .reduce<SessionChange | null>(
      (found, change) => (found && found.version >= change.version ? found : change),
      null,
    );
  if (!newest) return { write: null, newer };
  const reminded = remindedStartsAt !== null && remindedStartsAt.getTime() === newest.startsAt.getTime();
  return { write: { ...newest, reminderDue: !newest.cancelled && !reminded }, newer };
}

/** What the reminder job does with a session due: remind its learners, or only mark it (it started already). */
export type ReminderDecision = 'remind' | 'skip';

/**
 * Whether the learners of a session due for a reminder are reminded at `now`: yes when it is
 * held and has not started; a session that started already (scheduled or moved at the last
 * minute, or the job down) is only marked, never reminded late.
 */
export function reminderDecision(session: ScheduledSession, now: Date): ReminderDecision {
  return !session.cancelled && session.startsAt.getTime() > now.getTime() ? 'remind' : 'skip';
}

/** When learners are reminded of their sessions. */
export interface SessionReminderSettings {
  /** How long before a session starts (NO-1). */
  leadMs: number;
  /** How often an instance looks for sessions due; 0: never on this instance. */
  intervalMs: number;
}

export const DEFAULT_SESSION_REMINDER_SETTINGS: SessionReminderSettings = {
  leadMs: 24 * 60 * 60_000,
  intervalMs: 60_000,
};
