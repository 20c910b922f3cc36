import { randomUUID } from 'node:crypto';
import type { FailureCounter } from '../auth/domain/login-throttle';
import type { FailureCounterRepository } from '../auth/ports/failure-counter.repository';
import { freshForEachTest, type MakeRepositoryUnderContract } from './repository-under-contract';

/**
 * What every {@link FailureCounterRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Counters belong to keys, not tenants, so
 * each test uses keys of its own.
 */
export function describeFailureCounterRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<FailureCounterRepository>,
): void {
  describe(`${name} (failure counter repository contract)`, () => {
    const subject = freshForEachTest(make);

    function counter(overrides: Partial<FailureCounter> = {}): FailureCounter {
      return {
        key: `account:${randomUUID()}`,
        windowStartedAt: new Date('2026-03-02T09:00:00.000Z'),
        windowEndsAt: new Date('2026-03-02T09:15:00.000Z'),
        failures: 1,
        version: 1,
        ...overrides,
      };
    }

    it('given counters inserted, then a read of several keys finds those that exist, whole', async () => {
      const [first, second] = [counter(), counter({ failures: 3, version: 3 })];
      await subject.repository.insert(first);
      await subject.repository.insert(second);

      const found = await subject.repository.find([second.key, `address:${randomUUID()}`, first.key]);

      expect(found.sort((a, b) => a.failures - b.failures)).toEqual([first, second]);
      expect(await subject.repository.find([])).toEqual([]);
    });

    it('given a key that has a counter, then a second insert is stale and the first stays', async () => {
      const first = counter();
      await subject.repository.insert(first);

      expect(await subject.repository.insert({ ...first, failures: 9 })).toBe('stale');
      expect(await subject.repository.find([first.key])).toEqual([first]);
    });

    it('increments atomically, failures and version, and is stale for a key without a counter', async () => {
      const first = counter();
      await subject.repository.insert(first);

      await Promise.all([subject.repository.increment(first.key), subject.repository.increment(first.key)]);

      expect(await subject.repository.find([first.key])).toEqual([{ ...first, failures: 3, version: 3 }]);
      expect(await subject.repository.increment(`account:${randomUUID()}`)).toBe('stale');
    });

    it('replaces a counter only at the version read: of two writers of one version, one wins', async () => {
      const first = counter();
      await subject.repository.insert(first);
      const restarted = counter({
        key: first.key,
        windowStartedAt: new Date('2026-03-02T10:00:00.000Z'),
        windowEndsAt: new Date('2026-03-02T10:15:00.000Z'),
        version: 2,
      });

      const outcomes = await Promise.all([
        subject.repository.replace(restarted, 1),
        subject.repository.replace({ ...restarted, failures: 7 }, 1),
      ]);

      expect(outcomes.sort()).toEqual(['stale', 'written']);
      const [stored] = await subject.repository.find([first.key]);
      expect(stored.version).toBe(2);
      expect(stored.windowStartedAt).toEqual(restarted.windowStartedAt);
    });

    it('given a counter removed, then its key has none, and removing an unknown key does nothing', async () => {
      const [gone, kept] = [counter(), counter()];
      await subject.repository.insert(gone);
      await subject.repository.insert(kept);

      await subject.repository.remove(gone.key);
      await subject.repository.remove(`account:${randomUUID()}`);

      expect(await subject.repository.find([gone.key, kept.key])).toEqual([kept]);
    });
  });
}
