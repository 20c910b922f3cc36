import { randomUUID } from 'node:crypto';
import { noSeatsTaken, releaseSeat, takeSeat, type SessionSeats } from '../enrollments/domain/session-seats';
import type { SessionSeatsRepository } from '../enrollments/ports/session-seats.repository';

/** The seats once `id` took one, for a session with room. */
function taken(seats: SessionSeats, id: string): SessionSeats {
  const outcome = takeSeat(seats, id, 100);
  if (outcome.outcome !== 'taken') throw new Error('expected a seat');
  return outcome.seats;
}

/**
 * What every {@link SessionSeatsRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration): a session's seats change by compare-and-set only.
 */
export function describeSessionSeatsRepositoryContract(
  name: string,
  make: () => Promise<SessionSeatsRepository> | SessionSeatsRepository,
): void {
  describe(`${name} (session seats repository contract)`, () => {
    let repository: SessionSeatsRepository;
    let tenantId: string;
    let sessionId: string;

    beforeEach(async () => {
      repository = await make();
      tenantId = `tenant-${randomUUID()}`;
      sessionId = randomUUID();
    });

    it('given a session nobody enrolled in, then none of its seats is taken', async () => {
      expect(await repository.find(tenantId, sessionId)).toEqual(noSeatsTaken(tenantId, sessionId));
    });

    it('given the version read, then seats taken and freed are written; at another version nothing is, and another tenant sees none taken', async () => {
      const first = taken(noSeatsTaken(tenantId, sessionId), 'a');
      expect(await repository.save(first, 0)).toBe(true);
      expect(await repository.save(taken(noSeatsTaken(tenantId, sessionId), 'b'), 0)).toBe(false);
      expect(await repository.find(tenantId, sessionId)).toEqual(first);

      const second = taken(first, 'b');
      expect(await repository.save(second, 2)).toBe(false);
      expect(await repository.save(second, 1)).toBe(true);
      const freed = releaseSeat(second, 'a');
      expect(await repository.save(freed as SessionSeats, 2)).toBe(true);
      expect(await repository.find(tenantId, sessionId)).toEqual({
        tenantId,
        sessionId,
        holders: ['b'],
        version: 3,
      });
      expect(await repository.find(`tenant-${randomUUID()}`, sessionId)).toMatchObject({
        holders: [],
        version: 0,
      });
    });

    it('given many writers racing from the same version, then exactly one of them wins', async () => {
      const start = noSeatsTaken(tenantId, sessionId);
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, at) => repository.save(taken(start, `e${at}`), 0)),
      );

      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect((await repository.find(tenantId, sessionId)).holders).toHaveLength(1);
    });
  });
}
