import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import { recordChunk, startBulkStateChange, type BulkStateChange } from '../users/domain/bulk-state-change';
import type { BulkStateChangeRepository } from '../users/ports/bulk-state-change.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link BulkStateChangeRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeBulkStateChangeRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<BulkStateChangeRepository>,
): void {
  describe(`${name} (bulk state change repository contract)`, () => {
    const subject = freshForEachTest(make);
    const at = new Date('2026-03-02T09:00:00.000Z');

    function change(tenantId = subject.tenantId, id = newId()): BulkStateChange {
      return startBulkStateChange(
        {
          id,
          actor: { tenantId, userId: randomUUID(), level: 'power_user', roles: ['application_admin'] },
          action: 'deactivate',
          userIds: [randomUUID(), randomUUID(), randomUUID()],
        },
        at,
      );
    }

    it('finds what it inserted by id, whole, as a plain value, within its tenant only', async () => {
      const inserted = change();

      await subject.repository.insert(inserted);

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
      expect(await subject.repository.findById(contractTenant(), inserted.id)).toBeNull();
      expect(await subject.repository.findById(subject.tenantId, newId())).toBeNull();
    });

    it('keeps an actor without an account', async () => {
      const inserted = {
        ...change(),
        actor: { tenantId: subject.tenantId, userId: null, level: 'superadmin', roles: [] },
      };

      await subject.repository.insert(inserted);

      expect(await subject.repository.findById(subject.tenantId, inserted.id)).toEqual(inserted);
    });

    it("records a chunk's results only from the version it was read at, and within its tenant", async () => {
      const running = change();
      await subject.repository.insert(running);
      const [first, second] = running.userIds;
      const later = new Date('2026-03-02T09:01:00.000Z');
      const progressed = recordChunk(running, [{ userId: first, outcome: 'changed' }], later);
      const finished = recordChunk(
        progressed,
        running.userIds.slice(1).map((userId) => ({ userId, outcome: 'not_found' as const })),
        later,
      );

      expect(await subject.repository.update(progressed, 1)).toBe('written');
      expect(
        await subject.repository.update(
          recordChunk(running, [{ userId: second, outcome: 'forbidden' }], later),
          1,
        ),
      ).toBe('stale');
      expect(await subject.repository.update({ ...finished, tenantId: contractTenant() }, 2)).toBe('stale');
      expect(await subject.repository.findById(subject.tenantId, running.id)).toEqual(progressed);

      expect(await subject.repository.update(finished, 2)).toBe('written');
      expect(await subject.repository.findById(subject.tenantId, running.id)).toEqual(finished);
    });

    it('lists the running changes of every tenant in id order after a cursor, the finished ones aside', async () => {
      // Ids of this test only, after every other test's (`0...`, by creation) in id order.
      const id = (suffix: string) => `${subject.tenantId}-${suffix}`;
      const [first, second, third] = [
        change(subject.tenantId, id('a')),
        change(contractTenant(), id('b')),
        change(subject.tenantId, id('c')),
      ];
      const done = recordChunk(
        change(subject.tenantId, id('bb')),
        ['a', 'b', 'c'].map((userId) => ({ userId, outcome: 'unchanged' as const })),
        at,
      );
      for (const each of [third, done, first, second]) await subject.repository.insert(each);
      const ours = new Set([first.id, second.id, third.id, done.id]);
      const running = async (afterId: string | null, limit: number) =>
        (await subject.repository.listRunning(afterId, limit)).filter((each) => ours.has(each.id));

      expect(await running(null, 10_000)).toEqual(
        [first, second, third].map((each) => ({ id: each.id, tenantId: each.tenantId })),
      );
      expect(await subject.repository.listRunning(first.id, 1)).toEqual([
        { id: second.id, tenantId: second.tenantId },
      ]);
    });
  });
}
