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

    function group(overrides: { tenantId?: string } = {}): Group {
      const at = new Date('2026-03-02T09:00:00.000Z');
      return createGroup(
        {
          id: newId(at),
          tenantId: overrides.tenantId ?? subject.tenantId,
          name: 'Sales coaching',
          confidentiality: 'public',
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

    it('refuses a group with an empty name, and stores nothing of it', async () => {
      const blank = { ...group(), name: '' };

      await expect(subject.repository.insert(blank, [])).rejects.toThrow();

      expect(await subject.repository.findById(subject.tenantId, blank.id)).toBeNull();
    });
  });
}
