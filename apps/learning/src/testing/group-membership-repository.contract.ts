import { randomUUID } from 'node:crypto';
import type { GroupRole } from '@lms/contracts';
import type { GroupMembershipChange } from '../memberships/domain/group-membership';
import type { GroupMembershipRepository } from '../memberships/ports/group-membership.repository';

/**
 * What every {@link GroupMembershipRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeGroupMembershipRepositoryContract(
  name: string,
  make: () => GroupMembershipRepository,
): void {
  describe(`${name} (group membership repository contract)`, () => {
    let repository: GroupMembershipRepository;
    let tenantId: string;

    beforeEach(() => {
      repository = make();
      tenantId = `tenant-${randomUUID()}`;
    });

    function change(
      groupId: string,
      userId: string,
      version: number,
      active = true,
      tenant = tenantId,
      roles: GroupRole[] = active ? ['learner'] : [],
    ): GroupMembershipChange {
      return {
        tenantId: tenant,
        groupId,
        userId,
        active,
        roles,
        version,
        updatedAt: new Date(Date.UTC(2026, 2, 2, 9, version)),
      };
    }

    it("given memberships added, then a user's groups are those it is an active member of, in its tenant only", async () => {
      const [ada, bob, sales, support] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

      expect(
        await repository.applyMany([
          change(sales, ada, 1),
          change(support, ada, 1),
          change(sales, bob, 1),
          change(support, ada, 1, true, `tenant-${randomUUID()}`),
        ]),
      ).toEqual(['applied', 'applied', 'applied', 'applied']);

      expect(await repository.groupsOf(tenantId, ada)).toEqual([sales, support].sort());
      expect(await repository.groupsOf(tenantId, bob)).toEqual([sales]);
      expect(await repository.groupsOf(tenantId, randomUUID())).toEqual([]);
    });

    it("tells whether a user is a current member of any of some groups, in its tenant only (a power user's scope, LE-E3)", async () => {
      const [ada, bob, sales, support, other] = [
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
        randomUUID(),
      ];
      await repository.applyMany([
        change(sales, ada, 1),
        change(support, bob, 1),
        change(support, bob, 2, false),
        change(other, bob, 1, true, `tenant-${randomUUID()}`),
      ]);

      expect(await repository.activeMembersAmong(tenantId, [other, sales], [ada])).toEqual(new Set([ada]));
      expect(await repository.activeMembersAmong(tenantId, [support], [bob])).toEqual(new Set());
      expect(await repository.activeMembersAmong(tenantId, [other], [bob])).toEqual(new Set());
      expect(await repository.activeMembersAmong(tenantId, [], [ada])).toEqual(new Set());
      expect(
        await repository.activeMembersAmong(tenantId, [sales, support, other], [ada, bob, randomUUID()]),
      ).toEqual(new Set([ada]));
      expect(await repository.activeMembersAmong(tenantId, [sales], [])).toEqual(new Set());
    });

    it("given a removal, then the group is no longer the user's; an older event arriving late does not bring it back", async () => {
      const [ada, sales] = [randomUUID(), randomUUID()];
      await repository.applyMany([change(sales, ada, 1)]);

      expect(await repository.applyMany([change(sales, ada, 3, false)])).toEqual(['applied']);
      expect(await repository.applyMany([change(sales, ada, 2, true)])).toEqual(['stale']);

      expect(await repository.groupsOf(tenantId, ada)).toEqual([]);
    });

    it('given a batch redelivered, or versions of one membership out of order, then the newest wins and a repeat changes nothing', async () => {
      const [ada, sales] = [randomUUID(), randomUUID()];
      await repository.applyMany([change(sales, ada, 2, false)]);
      const batch = [change(sales, ada, 4, true), change(sales, ada, 1), change(sales, ada, 3, false)];

      expect(await repository.applyMany(batch)).toEqual(['applied', 'stale', 'applied']);
      expect(await repository.applyMany(batch)).toEqual(['stale', 'stale', 'stale']);

      expect(await repository.groupsOf(tenantId, ada)).toEqual([sales]);
    });

    it('given roles in groups, then a user holds a role in some group of its tenant while an active membership carries it', async () => {
      const [ada, bob, sales, support] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await repository.applyMany([
        change(sales, ada, 1, true, tenantId, ['learner']),
        change(support, ada, 1, true, tenantId, ['author', 'coach']),
        change(sales, bob, 1, true, `tenant-${randomUUID()}`, ['author']),
      ]);

      expect(await repository.holdsRoleInAnyGroup(tenantId, ada, 'author')).toBe(true);
      expect(await repository.holdsRoleInAnyGroup(tenantId, ada, 'admin')).toBe(false);
      expect(await repository.holdsRoleInAnyGroup(tenantId, bob, 'author')).toBe(false);

      await repository.applyMany([change(support, ada, 2, true, tenantId, ['coach'])]);
      expect(await repository.holdsRoleInAnyGroup(tenantId, ada, 'author')).toBe(false);
      await repository.applyMany([change(support, ada, 3, true, tenantId, ['author'])]);
      expect(await repository.holdsRoleInAnyGroup(tenantId, ada, 'author')).toBe(true);
      await repository.applyMany([change(support, ada, 4, false)]);
      expect(await repository.holdsRoleInAnyGroup(tenantId, ada, 'author')).toBe(false);
    });

    it("given a group's members, then its active members are read page by page in user order, its tenant's only", async () => {
      const sales = randomUUID();
      const users = ['u-03', 'u-01', 'u-05', 'u-02', 'u-04'];
      await repository.applyMany([
        ...users.map((user) => change(sales, user, 1)),
        change(sales, 'u-02', 2, false),
        change(sales, 'u-00', 1, true, `tenant-${randomUUID()}`),
        change(randomUUID(), 'u-06', 1),
      ]);

      const first = await repository.listMembers(tenantId, sales, null, 2);
      expect(first.map((m) => m.userId)).toEqual(['u-01', 'u-03']);
      expect(first[0]).toMatchObject({ tenantId, groupId: sales, active: true, roles: ['learner'] });
      const second = await repository.listMembers(tenantId, sales, 'u-03', 2);
      expect(second.map((m) => m.userId)).toEqual(['u-04', 'u-05']);
      expect(await repository.listMembers(tenantId, sales, 'u-05', 2)).toEqual([]);
    });
  });
}
