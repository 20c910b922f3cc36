import { randomUUID } from 'node:crypto';
import { newId } from '@lms/kernel';
import type { Membership } from '../memberships/domain/membership';
import type { MembershipRepository } from '../memberships/ports/membership.repository';

/**
 * What every {@link MembershipRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake never lies to the unit tests.
 */
export function membershipRepositoryContract(name: string, repository: () => MembershipRepository): void {
  describe(`${name} (membership repository contract)`, () => {
    let repo: MembershipRepository;
    let tenantId: string;
    let groupId: string;

    beforeEach(() => {
      repo = repository();
      tenantId = `contract-${randomUUID()}`;
      groupId = randomUUID();
    });

    const page = { limit: 50, offset: 0 };

    function membership(overrides: Partial<Membership> = {}): Membership {
      const at = new Date('2026-03-02T09:00:00.000Z');
      return {
        id: newId(),
        tenantId,
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

      expect(await repo.insert(added, [])).toBe('written');

      expect(await repo.find(tenantId, groupId, added.userId)).toEqual(added);
    });

    it('finds nothing for another tenant, group or user', async () => {
      const added = membership();
      await repo.insert(added, []);

      expect(await repo.find('another-tenant', groupId, added.userId)).toBeNull();
      expect(await repo.find(tenantId, randomUUID(), added.userId)).toBeNull();
      expect(await repo.find(tenantId, groupId, randomUUID())).toBeNull();
    });

    it('refuses a second membership of the same user in the same group', async () => {
      const first = membership();
      await repo.insert(first, []);

      const second = membership({ userId: first.userId, roles: ['coach'] });

      expect(await repo.insert(second, [])).toBe('stale');
      expect(await repo.find(tenantId, groupId, first.userId)).toEqual(first);
    });

    it('accepts the same user and group in another tenant', async () => {
      const first = membership();
      await repo.insert(first, []);

      const elsewhere = membership({ tenantId: `contract-${randomUUID()}`, userId: first.userId });

      expect(await repo.insert(elsewhere, [])).toBe('written');
    });

    it('updates when the stored version is the one read', async () => {
      const added = membership();
      await repo.insert(added, []);
      const removed: Membership = {
        ...added,
        status: 'removed',
        removedAt: new Date('2026-03-03T10:00:00.000Z'),
        updatedAt: new Date('2026-03-03T10:00:00.000Z'),
        version: 2,
      };

      expect(await repo.update(removed, 1, [])).toBe('written');

      expect(await repo.find(tenantId, groupId, added.userId)).toEqual(removed);
    });

    it('refuses an update based on a stale version', async () => {
      const added = membership();
      await repo.insert(added, []);
      await repo.update({ ...added, roles: ['coach'], version: 2 }, 1, []);

      const outcome = await repo.update({ ...added, roles: ['admin'], version: 2 }, 1, []);

      expect(outcome).toBe('stale');
      expect(await repo.find(tenantId, groupId, added.userId)).toMatchObject({
        roles: ['coach'],
        version: 2,
      });
    });

    it('refuses an update from another tenant', async () => {
      const added = membership();
      await repo.insert(added, []);

      const outcome = await repo.update(
        { ...added, tenantId: 'another-tenant', roles: ['admin'], version: 2 },
        1,
        [],
      );

      expect(outcome).toBe('stale');
      expect(await repo.find(tenantId, groupId, added.userId)).toMatchObject({
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
      for (const m of [second, removed, first, otherGroup]) await repo.insert(m, []);

      const listed = await repo.listActive(tenantId, groupId, {}, page);

      expect(listed).toEqual({ items: [first, second], limit: 50, offset: 0, nextOffset: null });
      expect(await repo.listActive('another-tenant', groupId, {}, page)).toEqual({
        items: [],
        limit: 50,
        offset: 0,
        nextOffset: null,
      });
    });

    it('lists only the members with a role when asked', async () => {
      const coach = membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 9))), roles: ['learner', 'coach'] });
      await repo.insert(coach, []);
      await repo.insert(
        membership({ id: newId(new Date(Date.UTC(2026, 2, 2, 10))), roles: ['learner'] }),
        [],
      );

      const listed = await repo.listActive(tenantId, groupId, { role: 'coach' }, page);

      expect(listed.items.map((m) => m.userId)).toEqual([coach.userId]);
    });

    it('pages with limit and offset, telling where the next page starts', async () => {
      const members = [9, 10, 11].map((hour) =>
        membership({ id: newId(new Date(Date.UTC(2026, 2, 2, hour))) }),
      );
      for (const m of members) await repo.insert(m, []);

      const first = await repo.listActive(tenantId, groupId, {}, { limit: 2, offset: 0 });
      const last = await repo.listActive(tenantId, groupId, {}, { limit: 2, offset: 2 });

      expect(first).toEqual({ items: members.slice(0, 2), limit: 2, offset: 0, nextOffset: 2 });
      expect(last).toEqual({ items: members.slice(2), limit: 2, offset: 2, nextOffset: null });
    });
  });
}
