import fc from 'fast-check';
import { takeTurns } from './tenant-fairness';

describe('takeTurns', () => {
  it('given a burst of one tenant and a few mails of another, then the few go out in the first turns', () => {
    const burst = Array.from({ length: 1_000 }, (_, i) => `a${i}`);

    expect(takeTurns([burst, ['b0', 'b1']], 6)).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'a3']);
  });

  it('given any queues, then it takes each item once, keeps each queue in order and stops at the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(), { maxLength: 20 }), { maxLength: 6 }),
        fc.nat(80),
        (raw, limit) => {
          const queues = raw.map((queue, q) => queue.map((_, i) => `${q}:${i}`));
          const taken = takeTurns(queues, limit);
          const total = queues.reduce((sum, queue) => sum + queue.length, 0);

          expect(taken).toHaveLength(Math.min(limit, total));
          expect(new Set(taken).size).toBe(taken.length);
          for (const queue of queues) {
            const mine = taken.filter((item) => queue.includes(item));
            expect(mine).toEqual(queue.slice(0, mine.length));
          }
        },
      ),
    );
  });
});
