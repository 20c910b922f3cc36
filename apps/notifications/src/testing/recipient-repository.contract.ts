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
      return {
        userId,
        email: `${userId}@example.test`,
        firstName: 'Ada',
        lastName,
        locale,
        timezone: 'Europe/Rome',
        state: 'active',
        expiresAt: null,
      };
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

      expect(await repository.applyMany([change(ada, 1, 'Lovelace')])).toEqual(['stale']);

      expect(await repository.find(tenantId, ada)).toEqual({
        tenantId,
        userId: ada,
        deleted: true,
        email: null,
        firstName: null,
        lastName: null,
        locale: 'it',
        timezone: 'Europe/Rome',
        state: null,
        expiresAt: null,
        version: 2,
      });
      expect(await repository.find(tenantId, unknown)).toMatchObject({ deleted: true, version: 5 });
    });

    it('stores the state, time zone and expiry of the newest event, and a deletion clears the state and expiry', async () => {
      const ada = randomUUID();
      const expiresAt = new Date('2026-12-31T23:00:00.000Z');
      await repository.applyMany([change(ada, 1, 'Lovelace')]);

      await repository.applyMany([
        {
          tenantId,
          userId: ada,
          version: 2,
          state: {
            ...stateOf(ada, 'Lovelace'),
            timezone: 'America/New_York',
            state: 'deactivated',
            expiresAt,
          },
        },
      ]);

      expect(await repository.find(tenantId, ada)).toEqual({
        tenantId,
        userId: ada,
        email: `${ada}@example.test`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        locale: 'en',
        timezone: 'America/New_York',
        state: 'deactivated',
        expiresAt,
        deleted: false,
        version: 2,
      });
      expect(await repository.applyState(tenantId, { ...stateOf(ada, 'Lovelace'), state: 'active' }, 3)).toBe(
        true,
      );
      expect(await repository.findMany(tenantId, [ada])).toEqual([
        expect.objectContaining({ timezone: 'Europe/Rome', state: 'active', expiresAt: null, version: 3 }),
      ]);
      expect(await repository.applyDeletion(tenantId, ada, 4)).toBe(true);
      expect(await repository.find(tenantId, ada)).toMatchObject({
        timezone: 'Europe/Rome',
        state: null,
        expiresAt: null,
        deleted: true,
        version: 4,
      });
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

    it('finds users by address whatever its case, within the tenant only, never a deleted one', async () => {
      const ada = randomUUID();
      const grace = randomUUID();
      const gone = randomUUID();
      await repository.applyMany([
        {
          tenantId,
          userId: ada,
          version: 1,
          state: { ...stateOf(ada, 'Lovelace'), email: 'Ada.Lovelace@Example.test' },
        },
        change(grace, 1, 'Hopper'),
        change(gone, 1, 'Gone'),
      ]);
      await repository.applyDeletion(tenantId, gone, 2);

      expect(
        (
          await repository.findByEmails(tenantId, [' ada.lovelace@example.TEST ', `${gone}@example.test`])
        ).map((r) => r.userId),
      ).toEqual([ada]);
      expect(await repository.findByEmails(tenantId, [])).toEqual([]);
      expect(await repository.findByEmails('another-tenant', ['ada.lovelace@example.test'])).toEqual([]);
    });
  });
}
