import { noSeatsTaken, type SessionSeats } from '../enrollments/domain/session-seats';
import type { SessionSeatsRepository } from '../enrollments/ports/session-seats.repository';

/** Session seats in memory, with the tenant scoping and compare-and-set of the Mongo repository. */
export class InMemorySessionSeatsRepository implements SessionSeatsRepository {
  private readonly rows = new Map<string, SessionSeats>();
  private readonly interleaved: Array<() => Promise<void>> = [];

  /** Runs `write` right before the next save reaches the store: a concurrent writer, in tests. */
  beforeNextSave(write: () => Promise<void>): void {
    this.interleaved.push(write);
  }

  async find(tenantId: string, sessionId: string): Promise<SessionSeats> {
    const found = this.rows.get(sessionId);
    return found && found.tenantId === tenantId ? structuredClone(found) : noSeatsTaken(tenantId, sessionId);
  }

  async save(changed: SessionSeats, expectedVersion: number): Promise<boolean> {
    await this.interleaved.shift()?.();
    const stored = this.rows.get(changed.sessionId);
    if ((stored?.version ?? 0) !== expectedVersion) return false;
    this.rows.set(changed.sessionId, structuredClone(changed));
    return true;
  }
}
