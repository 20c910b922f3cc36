import { randomUUID } from 'node:crypto';
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
    ): GroupMembershipChange {
      return {
        tenantId: tenant,
        groupId,
        userId,
        active,
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
  });
}
