import fc from 'fast-check';
import { noSeatsTaken, releaseSeat, strayHolders, takeSeat, type SessionSeats } from './session-seats';

describe('session seats (LE-E2)', () => {
  it('given free seats, then a seat is taken once per enrollment, until the capacity', () => {
    const start = noSeatsTaken('t', 's');
    const one = takeSeat(start, 'a', 2);
    expect(one).toEqual({
      outcome: 'taken',
      seats: { tenantId: 't', sessionId: 's', holders: ['a'], version: 1 },
    });
    const seats = (one as { seats: SessionSeats }).seats;
    expect(takeSeat(seats, 'a', 2)).toEqual({ outcome: 'held' });
    const two = takeSeat(seats, 'b', 2) as { seats: SessionSeats };
    expect(takeSeat(two.seats, 'c', 2)).toEqual({ outcome: 'full' });
    expect(takeSeat(two.seats, 'c', 1)).toEqual({ outcome: 'full' });
  });

  it('given a seat held, then freeing it makes room; freeing one not held changes nothing', () => {
    const seats: SessionSeats = { tenantId: 't', sessionId: 's', holders: ['a', 'b'], version: 4 };
    expect(releaseSeat(seats, 'a')).toEqual({ ...seats, holders: ['b'], version: 5 });
    expect(releaseSeat(seats, 'z')).toBeNull();
  });

  it('holds for any sequence of takes and frees: the holders never exceed the capacity, never repeat, and each change is one version', () => {
    const anOp = fc.record({ take: fc.boolean(), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(anOp, { maxLength: 40 }), (capacity, ops) => {
        let seats = noSeatsTaken('t', 's');
        for (const op of ops) {
          const before = seats.version;
          if (op.take) {
            const taken = takeSeat(seats, op.id, capacity);
            if (taken.outcome === 'taken') seats = taken.seats;
            else if (taken.outcome === 'full') expect(seats.holders).toHaveLength(capacity);
          } else seats = releaseSeat(seats, op.id) ?? seats;
          expect(seats.holders.length).toBeLessThanOrEqual(capacity);
          expect(new Set(seats.holders).size).toBe(seats.holders.length);
          expect(seats.version - before).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('finds the seats nothing backs, once they are older than the grace, and never a seat backed by its enrollment', () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 2, 2, 9) + ms);
    const seats: SessionSeats = {
      ...noSeatsTaken('t', 's'),
      holders: ['old-backed', 'old-stray', 'young-stray'],
    };
    const created: Record<string, Date> = {
      'old-backed': at(0),
      'old-stray': at(0),
      'young-stray': at(55_000),
    };

    const strays = strayHolders(
      seats,
      new Set(['old-backed']),
      (id) => created[id] ?? null,
      at(60_000),
      30_000,
    );

    expect(strays).toEqual(['old-stray']);
    expect(strayHolders(seats, new Set(), () => null, at(60_000), 30_000)).toEqual([]);
  });
});
