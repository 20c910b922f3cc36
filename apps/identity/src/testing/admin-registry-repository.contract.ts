import { randomUUID } from 'node:crypto';
import type { AdminRegistry } from '../admin-roles/domain/admin-registry';
import type { AdminRegistryRepository } from '../admin-roles/ports/admin-registry.repository';
import { freshForEachTest, type MakeRepositoryUnderContract } from './repository-under-contract';

/**
 * What every {@link AdminRegistryRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration).
 */
export function describeAdminRegistryRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<AdminRegistryRepository>,
): void {
  describe(`${name} (administrator registry repository contract)`, () => {
    const subject = freshForEachTest(make);

    function registry(overrides: Partial<AdminRegistry> = {}): AdminRegistry {
      return {
        tenantId: subject.tenantId,
        applicationAdmins: [randomUUID(), randomUUID()],
        systemAdmins: [],
        inactive: [],
        unsettled: [],
        version: 1,
        ...overrides,
      };
    }

    it('finds what it inserted, and answers duplicate for a second registry of the tenant', async () => {
      const first = registry({
        systemAdmins: [randomUUID()],
        unsettled: [{ userId: randomUUID(), since: new Date('2026-03-02T09:00:00.000Z') }],
      });

      expect(await subject.repository.insert(first)).toBe('inserted');
      expect(await subject.repository.insert(registry())).toBe('duplicate');

      expect(await subject.repository.find(subject.tenantId)).toEqual(first);
      expect(await subject.repository.find(`${subject.tenantId}-none`)).toBeNull();
    });

    it('updates only from the version it was read at', async () => {
      const first = registry();
      await subject.repository.insert(first);
      const next = { ...first, inactive: [first.applicationAdmins[0]], version: 2 };

      expect(await subject.repository.update(next, 1)).toBe('written');
      expect(await subject.repository.update({ ...first, version: 2 }, 1)).toBe('stale');

      expect(await subject.repository.find(subject.tenantId)).toEqual(next);
    });

    it('forgets exactly the entry settled, without a new version', async () => {
      const userId = randomUUID();
      const older = { userId, since: new Date('2026-03-02T09:00:00.000Z') };
      const newer = { userId, since: new Date('2026-03-02T09:01:00.000Z') };
      const other = { userId: randomUUID(), since: older.since };
      await subject.repository.insert(registry({ unsettled: [older, newer, other] }));

      await subject.repository.markSettled(subject.tenantId, older);

      expect(await subject.repository.find(subject.tenantId)).toMatchObject({
        unsettled: [newer, other],
        version: 1,
      });
    });

    it('lists the registries with unsettled entries, in tenant order after a cursor', async () => {
      const since = new Date('2026-03-02T09:00:00.000Z');
      const [a, b, c] = ['a', 'b', 'c'].map((suffix) =>
        registry({ tenantId: `${subject.tenantId}-${suffix}`, unsettled: [{ userId: randomUUID(), since }] }),
      );
      const settled = registry({ tenantId: `${subject.tenantId}-bb` });
      for (const each of [c, settled, a, b]) await subject.repository.insert(each);

      const ours = (registries: AdminRegistry[]) =>
        registries.filter((each) => each.tenantId.startsWith(subject.tenantId));
      expect(ours(await subject.repository.listUnsettled(subject.tenantId, 1_000))).toEqual([a, b, c]);
      expect(await subject.repository.listUnsettled(a.tenantId, 1)).toEqual([b]);
      expect(await subject.repository.listUnsettled(b.tenantId, 1)).toEqual([c]);
    });
  });
}
