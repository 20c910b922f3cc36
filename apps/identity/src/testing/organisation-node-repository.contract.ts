import { randomUUID } from 'node:crypto';
import { EventFactory } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createTeam, createUnit, type OrganisationNode } from '../organisation/domain/organisation-node';
import { nodeEvent } from '../organisation/organisation-events';
import type { OrganisationNodeRepository } from '../organisation/ports/organisation-node.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link OrganisationNodeRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration), so that the fake never lies to the unit tests.
 */
export function describeOrganisationNodeRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<OrganisationNodeRepository>,
): void {
  describe(`${name} (organisation node repository contract)`, () => {
    const subject = freshForEachTest(make);
    const page = { limit: 50 };

    function at(hour: number): Date {
      return new Date(Date.UTC(2026, 2, 2, hour));
    }

    function unit(hour = 9, tenantId = subject.tenantId) {
      return createUnit({ id: newId(at(hour)), tenantId, name: `Unit ${hour}` }, at(hour));
    }

    function team(unitId: string, hour = 9) {
      return createTeam(
        { id: newId(at(hour)), tenantId: subject.tenantId, unitId, name: `Team ${hour}` },
        at(hour),
      );
    }

    it('finds what it inserted by id, as a plain value, within its tenant only', async () => {
      const north = unit();
      const sales = {
        ...team(north.id),
        managerIds: [randomUUID()],
        memberIds: [randomUUID(), randomUUID()],
      };

      await subject.repository.insert(north, []);
      await subject.repository.insert(sales, []);

      expect(await subject.repository.findById(subject.tenantId, north.id)).toEqual(north);
      expect(await subject.repository.findById(subject.tenantId, sales.id)).toEqual(sales);
      expect(await subject.repository.findById(contractTenant(), north.id)).toBeNull();
      expect(await subject.repository.findById(subject.tenantId, randomUUID())).toBeNull();
    });

    it('stores the events with each write, and none with a refused write', async () => {
      const north = unit();
      const created = nodeEvent(events, 'created', north);
      await subject.repository.insert(north, [created]);
      const renamed: OrganisationNode = { ...north, name: 'North', version: 2 };
      const updated = nodeEvent(events, 'updated', renamed);

      expect(await subject.repository.update(renamed, 1, [updated])).toBe('written');
      expect(await subject.repository.update({ ...renamed, name: 'South' }, 1, [updated])).toBe('stale');

      expect(await subject.outboxOf(north.id)).toEqual([created, updated]);
      expect(await subject.repository.findById(subject.tenantId, north.id)).toEqual(renamed);
    });

    it('refuses an update from another tenant', async () => {
      const north = unit();
      await subject.repository.insert(north, []);

      const outcome = await subject.repository.update(
        { ...north, tenantId: contractTenant(), name: 'Stolen', version: 2 },
        1,
        [],
      );

      expect(outcome).toBe('stale');
      expect(await subject.repository.findById(subject.tenantId, north.id)).toEqual(north);
    });

    it('finds a deleted node no more, and lists it no more', async () => {
      const north = unit();
      await subject.repository.insert(north, []);

      await subject.repository.update({ ...north, deletedAt: at(10), updatedAt: at(10), version: 2 }, 1, []);

      expect(await subject.repository.findById(subject.tenantId, north.id)).toBeNull();
      expect((await subject.repository.listUnits(subject.tenantId, page)).items).toEqual([]);
    });

    it("lists the tenant's units, and a unit's teams, in creation order, page by page", async () => {
      const [first, second, third] = [unit(9), unit(10), unit(11)];
      const elsewhere = unit(12, contractTenant());
      const [sales, support] = [team(first.id, 13), team(first.id, 14)];
      for (const node of [third, sales, first, elsewhere, second, support])
        await subject.repository.insert(node, []);

      const firstPage = await subject.repository.listUnits(subject.tenantId, { limit: 2 });
      const lastPage = await subject.repository.listUnits(subject.tenantId, {
        limit: 2,
        cursor: firstPage.nextCursor ?? undefined,
      });

      expect(firstPage).toEqual({ items: [first, second], limit: 2, nextCursor: expect.any(String) });
      expect(lastPage).toEqual({ items: [third], limit: 2, nextCursor: null });
      expect(await subject.repository.listTeams(subject.tenantId, first.id, page)).toEqual({
        items: [sales, support],
        limit: 50,
        nextCursor: null,
      });
      expect((await subject.repository.listTeams(subject.tenantId, second.id, page)).items).toEqual([]);
    });

    it('tells whether a unit has teams left', async () => {
      const north = unit(9);
      const sales = team(north.id, 10);
      await subject.repository.insert(north, []);
      await subject.repository.insert(sales, []);

      expect(await subject.repository.hasTeams(subject.tenantId, north.id)).toBe(true);
      await subject.repository.update({ ...sales, deletedAt: at(11), version: 2 }, 1, []);
      expect(await subject.repository.hasTeams(subject.tenantId, north.id)).toBe(false);
    });

    it('tells whether a user manages, or is a member of, a node of the tenant that is not deleted', async () => {
      const [manager, member, nobody] = [randomUUID(), randomUUID(), randomUUID()];
      const north = { ...unit(9), managerIds: [manager] };
      const sales = { ...team(north.id, 10), memberIds: [member] };
      await subject.repository.insert(north, []);
      await subject.repository.insert(sales, []);

      expect(await subject.repository.managesAny(subject.tenantId, manager)).toBe(true);
      expect(await subject.repository.managesAny(subject.tenantId, member)).toBe(false);
      expect(await subject.repository.memberOfAny(subject.tenantId, member)).toBe(true);
      expect(await subject.repository.memberOfAny(subject.tenantId, nobody)).toBe(false);
      expect(await subject.repository.managesAny(contractTenant(), manager)).toBe(false);

      await subject.repository.update({ ...north, deletedAt: at(11), version: 2 }, 1, []);
      expect(await subject.repository.managesAny(subject.tenantId, manager)).toBe(false);
    });
  });
}
