import { randomUUID } from 'node:crypto';
import { EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import type { ManagerRelation } from '../organisation/domain/manager-relation';
import { manageeEvent } from '../organisation/organisation-events';
import type { ManagerRelationRepository } from '../organisation/ports/manager-relation.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link ManagerRelationRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration), so that the fake never lies to the unit tests.
 */
export function describeManagerRelationRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<ManagerRelationRepository>,
): void {
  describe(`${name} (manager relation repository contract)`, () => {
    const subject = freshForEachTest(make);
    let managerId: string;

    beforeEach(() => {
      managerId = randomUUID();
    });

    function relation(overrides: Partial<ManagerRelation> = {}): ManagerRelation {
      const at = new Date('2026-03-02T09:00:00.000Z');
      return {
        id: newId(),
        tenantId: subject.tenantId,
        managerId,
        manageeId: randomUUID(),
        status: 'active',
        createdAt: at,
        updatedAt: at,
        removedAt: null,
        version: 1,
        ...overrides,
      };
    }

    it('finds what it inserted, as a plain value, and nothing for another tenant, manager or managee', async () => {
      const added = relation();

      expect(await subject.repository.insert(added, [])).toBe('written');

      expect(await subject.repository.find(subject.tenantId, managerId, added.manageeId)).toEqual(added);
      expect(await subject.repository.find(contractTenant(), managerId, added.manageeId)).toBeNull();
      expect(await subject.repository.find(subject.tenantId, randomUUID(), added.manageeId)).toBeNull();
      expect(await subject.repository.find(subject.tenantId, managerId, randomUUID())).toBeNull();
    });

    it('refuses a second relation of the same manager and managee', async () => {
      const first = relation();
      await subject.repository.insert(first, []);

      expect(await subject.repository.insert(relation({ manageeId: first.manageeId }), [])).toBe('stale');
      expect(await subject.repository.find(subject.tenantId, managerId, first.manageeId)).toEqual(first);
    });

    it('stores the events with each write, and none with a refused write', async () => {
      const added = relation();
      const addedEvent = manageeEvent(events, 'added', added);
      await subject.repository.insert(added, [addedEvent]);
      const removed: ManagerRelation = {
        ...added,
        status: 'removed',
        removedAt: added.updatedAt,
        version: 2,
      };
      const removedEvent = manageeEvent(events, 'removed', removed);

      expect(await subject.repository.update(removed, 1, [removedEvent])).toBe('written');
      expect(await subject.repository.update({ ...removed, version: 3 }, 1, [removedEvent])).toBe('stale');
      expect(
        await subject.repository.update({ ...removed, tenantId: contractTenant(), version: 3 }, 2, [
          removedEvent,
        ]),
      ).toBe('stale');

      expect(await subject.outboxOf(added.id)).toEqual([addedEvent, removedEvent]);
      expect(await subject.repository.find(subject.tenantId, managerId, added.manageeId)).toEqual(removed);
    });

    it("lists a manager's active managees in the order they were made, page by page, and tells whether it has any", async () => {
      const ids = [9, 10, 11].map((hour) => newId(new Date(Date.UTC(2026, 2, 2, hour))));
      const [first, second, third] = ids.map((id) => relation({ id }));
      const removed = relation({
        id: newId(new Date(Date.UTC(2026, 2, 2, 12))),
        status: 'removed',
        version: 2,
      });
      const otherManager = relation({ managerId: randomUUID() });
      for (const r of [third, removed, first, otherManager, second]) await subject.repository.insert(r, []);

      const firstPage = await subject.repository.listManagees(subject.tenantId, managerId, { limit: 2 });
      const lastPage = await subject.repository.listManagees(subject.tenantId, managerId, {
        limit: 2,
        cursor: firstPage.nextCursor ?? undefined,
      });

      expect(firstPage).toEqual({ items: [first, second], limit: 2, nextCursor: expect.any(String) });
      expect(lastPage).toEqual({ items: [third], limit: 2, nextCursor: null });
      expect(await subject.repository.hasManagees(subject.tenantId, managerId)).toBe(true);
      expect(await subject.repository.hasManagees(contractTenant(), managerId)).toBe(false);
      expect(await subject.repository.hasManagees(subject.tenantId, removed.manageeId)).toBe(false);
    });

    it('has no managees once every relation is removed', async () => {
      const only = relation();
      await subject.repository.insert(only, []);

      await subject.repository.update({ ...only, status: 'removed', version: 2 }, 1, []);

      expect(await subject.repository.hasManagees(subject.tenantId, managerId)).toBe(false);
      expect(
        (await subject.repository.listManagees(subject.tenantId, managerId, { limit: 50 })).items,
      ).toEqual([]);
    });
  });
}
