import { randomUUID } from 'node:crypto';
import type { RecipientChange, RecipientState } from '../recipients/domain/recipient';
import type { RecipientRepository } from '../recipients/ports/recipient.repository';

/**
 * What every {@link RecipientRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describeRecipientRepositoryContract(
  name: string,
  make: () => Promise<RecipientRepository> | RecipientRepository,
): void {
  describe(`${name} (recipient repository contract)`, () => {
    let repository: RecipientRepository;
    let tenantId: string;

    beforeEach(async () => {
      repository = await make();
      tenantId = `tenant-${randomUUID()}`;
    });

    function stateOf(userId: string, lastName: string, locale = 'en'): RecipientState {
      return { userId, email: `${userId}@example.test`, firstName: 'Ada', lastName, locale, state: 'active' };
    }

    function change(userId: string, version: number, lastName: string | null): RecipientChange {
      return { tenantId, userId, version, state: lastName === null ? null : stateOf(userId, lastName) };
    }

    it('applies a batch: the newest event of each user wins, older and repeated ones are stale', async () => {
      const ada = randomUUID();
      const grace = randomUUID();
      await repository.applyMany([change(ada, 2, 'Byron')]);

      const outcomes = await repository.applyMany([
        change(ada, 1, 'Old'),
        change(ada, 4, 'King'),
        change(grace, 1, 'Hopper'),
        change(ada, 3, 'Lovelace'),
        change(grace, 1, 'Hopper'),
      ]);

      expect(outcomes).toEqual(['stale', 'applied', 'applied', 'applied', 'applied']);
      expect(await repository.find(tenantId, ada)).toMatchObject({ lastName: 'King', version: 4 });
      expect(await repository.find(tenantId, grace)).toMatchObject({
        email: `${grace}@example.test`,
        lastName: 'Hopper',
        locale: 'en',
        deleted: false,
        version: 1,
      });
      expect(await repository.applyMany([change(grace, 1, 'Hopper')])).toEqual(['stale']);
    });

    it('keeps a deleted user as a tombstone that ignores later stale events', async () => {
      const ada = randomUUID();
      const unknown = randomUUID();
      await repository.applyState(tenantId, { ...stateOf(ada, 'Lovelace'), locale: 'it' }, 1);

      expect(await repository.applyMany([change(ada, 2, null), change(unknown, 5, null)])).toEqual([
        'applied',
        'applied',
      ]);
      expect(await repository.applyState(tenantId, stateOf(ada, 'Late'), 2)).toBe(false);
      expect(await repository.applyDeletion(tenantId, ada, 2)).toBe(false);

      expect(await repository.find(tenantId, ada)).toMatchObject({
        deleted: true,
        email: null,
        firstName: null,
        lastName: null,
        locale: 'it',
        version: 2,
      });
      expect(await repository.find(tenantId, unknown)).toMatchObject({ deleted: true, version: 5 });
    });

    it('applies concurrent batches of the same users without going back to an older version', async () => {
      const users = Array.from({ length: 20 }, () => randomUUID());

      await Promise.all(
        [1, 3, 2, 3].map((version) =>
          repository.applyMany(users.map((userId) => change(userId, version, `v${version}`))),
        ),
      );

      const stored = await repository.findMany(tenantId, users);
      expect(stored).toHaveLength(users.length);
      expect(new Set(stored.map((r) => `${r.version} ${r.lastName}`))).toEqual(new Set(['3 v3']));
    });

    it('finds one or many by user, within the tenant only', async () => {
      const ada = randomUUID();
      const grace = randomUUID();
      await repository.applyMany([change(ada, 1, 'Lovelace'), change(grace, 1, 'Hopper')]);

      expect(
        (await repository.findMany(tenantId, [ada, grace, ada, randomUUID()])).map((r) => r.userId).sort(),
      ).toEqual([ada, grace].sort());
      expect(await repository.findMany(tenantId, [])).toEqual([]);
      expect(await repository.find('another-tenant', ada)).toBeNull();
      expect(await repository.findMany('another-tenant', [ada, grace])).toEqual([]);
    });
  });
}
