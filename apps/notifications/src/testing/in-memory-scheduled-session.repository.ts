import {
  foldSessionChanges,
  scheduledSessionKey,
  type ScheduledSession,
  type SessionChange,
} from '../sessions/domain/scheduled-session';
import type { ScheduledSessionRepository } from '../sessions/ports/scheduled-session.repository';

/** The sessions in memory, with the same version rule as the Mongo projection. */
export class InMemoryScheduledSessionRepository implements ScheduledSessionRepository {
  private readonly rows = new Map<string, ScheduledSession>();

  async applyMany(changes: readonly SessionChange[]): Promise<void> {
    const byKey = new Map<string, SessionChange[]>();
    for (const change of changes) {
      const key = scheduledSessionKey(change.tenantId, change.sessionId);
      byKey.set(key, [...(byKey.get(key) ?? []), change]);
    }
    for (const [key, list] of byKey) {
      const stored = this.rows.get(key) ?? null;
      const { write } = foldSessionChanges(stored?.version ?? null, list, stored?.remindedStartsAt ?? null);
      if (write) this.rows.set(key, { ...write, remindedStartsAt: stored?.remindedStartsAt ?? null });
    }
  }

  async find(tenantId: string, sessionId: string): Promise<ScheduledSession | null> {
    const row = this.rows.get(scheduledSessionKey(tenantId, sessionId));
    return row ? structuredClone(row) : null;
  }

  async dueForReminder(until: Date, limit: number): Promise<ScheduledSession[]> {
    return [...this.rows.entries()]
      .filter(([, row]) => row.reminderDue && row.startsAt.getTime() <= until.getTime())
      .sort(
        ([ka, a], [kb, b]) => a.startsAt.getTime() - b.startsAt.getTime() || (ka < kb ? -1 : ka > kb ? 1 : 0),
      )
      .slice(0, limit)
      .map(([, row]) => structuredClone(row));
  }

  async markReminded(session: ScheduledSession): Promise<boolean> {
    const key = scheduledSessionKey(session.tenantId, session.sessionId);
    const stored = this.rows.get(key);
    if (!stored || stored.version !== session.version) return false;
    this.rows.set(key, { ...stored, reminderDue: false, remindedStartsAt: session.startsAt });
    return true;
  }
}
