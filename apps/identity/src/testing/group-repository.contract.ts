import { GroupsStream } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { createGroup, type Group } from '../groups/domain/group';
import type { GroupRepository } from '../groups/ports/group.repository';
import {
  contractTenant,
  freshForEachTest,
  itInsertsAndFindsById,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link GroupRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeGroupRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<GroupRepository>,
): void {
  describe(`${name} (group repository contract)`, () => {
    const subject = freshForEachTest(make);

    function group(
      overrides: {
        tenantId?: string;
        name?: string;
        confidentiality?: Group['confidentiality'];
        hour?: number;
      } = {},
    ): Group {
      const at = new Date(Date.UTC(2026, 2, 2, overrides.hour ?? 9));
      return createGroup(
        {
          id: newId(at),
          tenantId: overrides.tenantId ?? subject.tenantId,
          name: overrides.name ?? 'Sales coaching',
          confidentiality: overrides.confidentiality ?? 'public',
        },
        at,
      );
    }

    function created(of: Group): OutboxEntry {
      return events.create(GroupsStream, 'group.created', {
        tenantId: of.tenantId,
        aggregateId: of.id,
        aggregateVersion: of.version,
        occurredAt: of.createdAt,
        payload: { groupId: of.id, name: of.name, confidentiality: of.confidentiality },
      });
    }

    itInsertsAndFindsById(subject, () => group(), created);

    it('refuses an id already taken, even by another tenant, and keeps the stored group and its events', async () => {
      const first = group();
      const event = created(first);
      await subject.repository.insert(first, [event]);
      const sameId: Group = { ...group({ tenantId: contractTenant() }), id: first.id, name: 'Other' };

      await expect(subject.repository.insert(sameId, [created(sameId)])).rejects.toThrow();

      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(first);
      expect(await subject.repository.findById(sameId.tenantId, first.id)).toBeNull();
      expect(await subject.outboxOf(first.id)).toEqual([event]);
    });

    it('updates when the stored version is the one read, with its events after those stored before', async () => {
      const first = group();
      const event = created(first);
      await subject.repository.insert(first, [event]);
      const renamed: Group = {
        ...first,
        name: 'Renamed',
        version: 2,
        updatedAt: new Date(Date.UTC(2026, 2, 3)),
      };
      const renamedEvent = created(renamed);

      expect(await subject.repository.update(renamed, 1, [renamedEvent])).toBe('written');

      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(renamed);
      expect(await subject.outboxOf(first.id)).toEqual([event, renamedEvent]);
    });

    it('refuses an update based on a stale version or from another tenant, and keeps the stored group', async () => {
      const first = group();
      await subject.repository.insert(first, []);

      expect(await subject.repository.update({ ...first, name: 'Late', version: 2 }, 3, [])).toBe('stale');
      expect(
        await subject.repository.update(
          { ...first, tenantId: contractTenant(), name: 'Other', version: 2 },
          1,
          [],
        ),
      ).toBe('stale');

      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(first);
    });

    it('finds a group being deleted, and no longer a deleted one', async () => {
      const first = group();
      await subject.repository.insert(first, []);
      const deleting: Group = {
        ...first,
        status: 'deleting',
        deletion: { requestedAt: first.createdAt, membersRemoved: 3 },
        version: 2,
      };
      await subject.repository.update(deleting, 1, []);

      expect(await subject.repository.findById(subject.tenantId, first.id)).toEqual(deleting);
      expect(await subject.repository.listDeleting(null, 1000)).toContainEqual({
        id: first.id,
        tenantId: subject.tenantId,
      });

      await subject.repository.update({ ...deleting, status: 'deleted', version: 3 }, 2, []);

      expect(await subject.repository.findById(subject.tenantId, first.id)).toBeNull();
      expect((await subject.repository.list(subject.tenantId, {}, { limit: 50 })).items).toEqual([]);
      expect(await subject.repository.listDeleting(null, 1000)).not.toContainEqual(
        expect.objectContaining({ id: first.id }),
      );
    });

    it('lists the tenant’s groups oldest first, by name prefix (any case), confidentiality and visible groups', async () => {
      const sales = group({ name: 'Sales coaching', confidentiality: 'public', hour: 9 });
      const salesPrivate = group({ name: 'sales desk', confidentiality: 'private', hour: 10 });
      const support = group({ name: 'Support', confidentiality: 'private', hour: 11 });
      for (const each of [sales, salesPrivate, support]) await subject.repository.insert(each, []);
      await subject.repository.insert(group({ tenantId: contractTenant() }), []);
      const names = async (filter: Parameters<GroupRepository['list']>[1]) =>
        (await subject.repository.list(subject.tenantId, filter, { limit: 50 })).items.map(
          (each) => each.name,
        );

      expect(await names({})).toEqual(['Sales coaching', 'sales desk', 'Support']);
      expect(await names({ namePrefix: 'SALES' })).toEqual(['Sales coaching', 'sales desk']);
      expect(await names({ namePrefix: 'Sales.*' })).toEqual([]);
      expect(await names({ confidentiality: 'private' })).toEqual(['sales desk', 'Support']);
      expect(await names({ visible: { groupIds: [support.id], orPublic: false } })).toEqual(['Support']);
      expect(await names({ visible: { groupIds: [support.id], orPublic: true } })).toEqual([
        'Sales coaching',
        'Support',
      ]);
      expect(await names({ visible: { groupIds: [], orPublic: false } })).toEqual([]);
    });

    it('pages with limit and cursor, the cursor of a page reading the next one', async () => {
      const all = [9, 10, 11].map((hour) => group({ hour }));
      for (const each of all) await subject.repository.insert(each, []);

      const first = await subject.repository.list(subject.tenantId, {}, { limit: 2 });
      const second = await subject.repository.list(
        subject.tenantId,
        {},
        { limit: 2, cursor: first.nextCursor ?? '' },
      );

      expect(first.items.map((each) => each.id)).toEqual([all[0].id, all[1].id]);
      expect(second.items.map((each) => each.id)).toEqual([all[2].id]);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses a group with an empty name, and stores nothing of it', async () => {
      const blank = { ...group(), name: '' };

      await expect(subject.repository.insert(blank, [])).rejects.toThrow();

      expect(await subject.repository.findById(subject.tenantId, blank.id)).toBeNull();
    });
  });
}
