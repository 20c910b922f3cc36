import { randomUUID } from 'node:crypto';
import { GroupMembershipsStream, membershipAggregateId } from '@lms/contracts';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import type { Membership } from '../memberships/domain/membership';
import type { MembershipRepository } from '../memberships/ports/membership.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link MembershipRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake never lies to the unit tests.
 */
export function describeMembershipRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<MembershipRepository>,
): void {
  describe(`${name} (membership repository contract)`, () => {
    const subject = freshForEachTest(make);
    let groupId: string;

    beforeEach(() => {
      groupId = randomUUID();
    });

    const page = { limit: 50 };

    function membership(overrides: Partial<Membership> = {}): Membership {
      const at = new Date('2026-03-02T09:00:00.000Z');
      return {
        id: newId(),
        tenantId: subject.tenantId,
        groupId,
        userId: randomUUID(),
        roles: ['learner'],
        status: 'active',
        createdAt: at,
        updatedAt: at,
        removedAt: null,
        version: 1,
        ...overrides,
      };
    }

    it('finds what it inserted, as a plain value', async () => {
      const added = membership({ roles: ['learner', 'coach'] });

      expect(await subject.repository.insert(added, [])).toBe('written');

      expect(await subject.repository.find(subject.tenantId, groupId, added.userId)).toEqual(added);
    });

    it('finds nothing for another tenant, group or user', async () => {
      const added = membership();
      await subject.repository.insert(added, []);

      expect(await subject.repository.find('another-tenant', groupId, added.userId)).toBeNull();
      expect(await subject.repository.find(subject.tenantId, randomUUID(), added.userId)).toBeNull();
      expect(await subject.repository.find(subject.tenantId, groupId, randomUUID())).toBeNull();
    });

    it('refuses a second membership of the same user in the same group', async () => {
      const first = membership();
      await subject.repository.insert(first, []);

      const second = membership({ userId: first.userId, roles: ['coach'] });

      expect(await subject.repository.insert(second, [])).toBe('stale');
      expect(await subject.repository.find(subject.tenantId, groupId, first.userId)).toEqual(first);
    });

    it('accepts the same user and group in another tenant', async () => {
      const first = membership();
      await subject.repository.insert(first, []);

      const elsewhere = membership({ tenantId: contractTenant(), userId: first.userId });

      expect(await subject.repository.insert(elsewhere, [])).toBe('written');
    });

    it('inserts many at once with their events, answering stale for a user already in the group and storing the others', async () => {
      const first = membership();
      await subject.repository.insert(first, []);
      const [ada, bob] = [membership(), membership()];
      const again = membership({ userId: first.userId });
      const adaAdded = rolesEvent(ada, 'membership.added');

      expect(
        await subject.repository.insertMany([
          { membership: ada, outbox: [adaAdded] },
          { membership: again, outbox: [rolesEvent(again, 'membership.added')] },
          { membership: bob, outbox: [] },
        ]),
      ).toEqual(['written', 'stale', 'written']);

      expect(await subject.repository.find(subject.tenantId, groupId, ada.userId)).toEqual(ada);
      expect(await subject.repository.find(subject.tenantId, groupId, bob.userId)).toEqual(bob);
      expect(await subject.repository.find(subject.tenantId, groupId, first.userId)).toEqual(first);
      expect(await subject.outboxOf(ada.id)).toEqual([adaAdded]);
      expect(await subject.outboxOf(again.id)).toEqual([]);
      expect(await subject.repository.insertMany([])).toEqual([]);
    });

    it('updates when the stored version is the one read', async () => {
      const added = membership();
      await subject.repository.insert(added, []);
      const removed: Membership = {
        ...added,
        status: 'removed',
        removedAt: new Date('2026-03-03T10:00:00.000Z'),
        updatedAt: new Date('2026-03-03T10:00:00.000Z'),
        version: 2,
      };

      expect(await subject.repository.update(removed, 1, [])).toBe('written');

      expect(await subject.repository.find(subject.tenantId, groupId, added.userId)).toEqual(removed);
    });

    function rolesEvent(of: Membership, type: 'membership.added' | 'membership.roles-changed'): OutboxEntry {
      return events.create(GroupMembershipsStream, type, {
        tenantId: of.tenantId,
        aggregateId: membershipAggregateId(of.groupId, of.userId),
        aggregateVersion: of.version,
        occurredAt: of.updatedAt,
        payload: { groupId: of.groupId, userId: of.userId, roles: of.roles },
      });
    }

    it('stores the events with each write, after those stored before, and none with a refused write', async () => {
      const added = membership();
      const addedEvent = rolesEvent(added, 'membership.added');
      await subject.repository.insert(added, [addedEvent]);
      const changed: Membership = { ...added, roles: ['coach'], version: 2 };
      const changedEvent = rolesEvent(changed, 'membership.roles-changed');
      const duplicate = membership({ userId: added.userId });

      expect(await subject.repository.update(changed, 1, [changedEvent])).toBe('written');
      expect(await subject.repository.update({ ...changed, version: 3 }, 2, [])).toBe('written');
      expect(await subject.repository.update({ ...changed, version: 3 }, 2, [changedEvent])).toBe('stale');
      expect(await subject.repository.insert(duplicate, [rolesEvent(duplicate, 'membership.added')])).toBe(
        'stale',
      );

      expect(await subject.outboxOf(added.id)).toEqual([addedEvent, changedEvent]);
      expect(await subject.outboxOf(duplicate.id)).toEqual([]);
    });

    it('refuses an update based on a stale version', async () => {
      const added = membership();
      await subject.repository.insert(added, []);
      await subject.repository.update({ ...added, roles: ['coach'], version: 2 }, 1, []);

      const outcome = await subject.repository.update({ ...added, roles: ['admin'], version: 2 }, 1, []);

      expect(outcome).toBe('stale');
      expect(await subject.repository.find(subject.tenantId, groupId, added.userId)).toMatchObject({
        roles: ['coach'],
        version: 2,
      });
    });

    it('refuses an update from another tenant', async () => {
      const added = membership();
      await subject.repository.insert(added, []);

      const outcome = await subject.repository.update(
        { ...added, tenantId: 'another-tenant', roles: ['admin'], version: 2 },
        1,
        [],
      );

      expect(outcome).toBe('stale');
      expect(await subject.repository.find(subject.tenantId, groupId, added.userId)).toMatchObject({
        roles: ['learner'],
        version: 1,
      });
    });

    it('lists the active members of a group in the order they joined, removed ones left out', async () => {
      const first = membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 9))) });
      const removed = membership({
        id: newId(new Date(Date.UTC(2026, 2, 2, 10))),
        status: 'removed',
        version: 2,
      });
      const second = membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 11))) });
      const otherGroup = membership({ groupId: randomUUID() });
      for (const m of [second, removed, first, otherGroup]) await subject.repository.insert(m, []);

      const listed = await subject.repository.listActive(subject.tenantId, groupId, {}, page);

      expect(listed).toEqual({ items: [first, second], limit: 50, nextCursor: null });
      expect(await subject.repository.listActive('another-tenant', groupId, {}, page)).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });

    it('tells the groups a user is an active member of with one of the roles asked, in the order it joined them', async () => {
      const userId = randomUUID();
      const [first, second, third, removed] = [9, 10, 11, 12].map((hour) =>
        membership({ id: newId(new Date(Date.UTC(2026, 2, 2, hour))), groupId: randomUUID(), userId }),
      );
      await subject.repository.insert({ ...first, roles: ['learner', 'admin'] }, []);
      await subject.repository.insert({ ...second, roles: ['learner'] }, []);
      await subject.repository.insert({ ...third, roles: ['coach'] }, []);
      await subject.repository.insert({ ...removed, roles: ['coach'], status: 'removed' }, []);
      await subject.repository.insert(membership({ groupId: randomUUID(), roles: ['coach'] }), []);

      expect(
        await subject.repository.groupIdsOfMember(subject.tenantId, userId, ['admin', 'coach'], 10),
      ).toEqual([first.groupId, third.groupId]);
      expect(
        await subject.repository.groupIdsOfMember(subject.tenantId, userId, ['admin', 'coach'], 1),
      ).toEqual([first.groupId]);
      expect(await subject.repository.groupIdsOfMember(contractTenant(), userId, ['coach'], 10)).toEqual([]);
    });

    it('lists only the members with a role when asked', async () => {
      const coach = membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 9))), roles: ['learner', 'coach'] });
      await subject.repository.insert(coach, []);
      await subject.repository.insert(
        membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 10))), roles: ['learner'] }),
        [],
      );

      const listed = await subject.repository.listActive(subject.tenantId, groupId, { role: 'coach' }, page);

      expect(listed.items.map((m) => m.userId)).toEqual([coach.userId]);
    });

    it('pages with limit and cursor, the cursor of a page reading the next one', async () => {
      const members = [9, 10, 11].map((hour) =>
        membership({ id: newId(new Date(Date.UTC(2026, 2, 2, hour))) }),
      );
      for (const m of members) await subject.repository.insert(m, []);

      const first = await subject.repository.listActive(subject.tenantId, groupId, {}, { limit: 2 });
      const last = await subject.repository.listActive(
        subject.tenantId,
        groupId,
        {},
        { limit: 2, cursor: first.nextCursor ?? undefined },
      );

      expect(first).toEqual({ items: members.slice(0, 2), limit: 2, nextCursor: expect.any(String) });
      expect(last).toEqual({ items: members.slice(2), limit: 2, nextCursor: null });
    });
  });
}
