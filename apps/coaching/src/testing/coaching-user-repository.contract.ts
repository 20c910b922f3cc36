import { newId } from '@lms/kernel';
import type { CoachingUserChange, CoachingUserProfile } from '../users/domain/coaching-user';
import type { CoachingUserRepository } from '../users/ports/coaching-user.repository';
import { aUserProfile } from './coaching-testbed';

function newTenant(): string {
  return `contract-${newId()}`;
}

/** The event of `userId` at `version`, on that day of March 2025: its new state, or null for a deletion. */
function change(
  tenantId: string,
  userId: string,
  version: number,
  profile: Partial<CoachingUserProfile> | null = {},
): CoachingUserChange {
  return {
    tenantId,
    userId,
    version,
    occurredAt: new Date(`2025-03-${String(version).padStart(2, '0')}T00:00:00.000Z`),
    profile: profile === null ? null : { ...aUserProfile(userId), ...profile },
  };
}

/**
 * What every {@link CoachingUserRepository} must do, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake the use case tests rely on behaves like
 * the real thing. Each test works in a tenant of its own.
 */
export function describeCoachingUserRepositoryContract(
  name: string,
  make: () => CoachingUserRepository,
): void {
  describe(`${name} (coaching user repository contract)`, () => {
    it('stores the full state of a new user and reports older or repeated events as stale', async () => {
      const repo = make();
      const tenantId = newTenant();
      const userId = newId();
      const expiresAt = new Date('2026-12-31T23:00:00.000Z');

      expect(
        await repo.applyMany([
          change(tenantId, userId, 2, {
            locale: 'it',
            level: 'power_user',
            adminRoles: ['application_admin'],
            expiresAt,
          }),
        ]),
      ).toEqual(['applied']);
      expect(await repo.applyMany([change(tenantId, userId, 2, { lastName: 'Again' })])).toEqual(['stale']);
      expect(await repo.applyMany([change(tenantId, userId, 1, { lastName: 'Older' })])).toEqual(['stale']);

      expect(await repo.find(tenantId, userId)).toEqual({
        tenantId,
        userId,
        email: `${userId}@example.test`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        locale: 'it',
        state: 'active',
        level: 'power_user',
        adminRoles: ['application_admin'],
        expiresAt,
        deleted: false,
        version: 2,
        updatedAt: new Date('2025-03-02T00:00:00.000Z'),
      });
    });

    it('applies a batch in bulk: new and known users, several versions of one in any order, stale and repeated events', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [known, fresh, untouched] = [newId(), newId(), newId()];
      await repo.applyMany([change(tenantId, known, 3), change(tenantId, untouched, 1)]);

      const outcomes = await repo.applyMany([
        change(tenantId, known, 2, { lastName: 'Older' }), // older than stored
        change(tenantId, known, 3, { lastName: 'Same' }), // the version stored
        change(tenantId, fresh, 2, { state: 'deactivated' }),
        change(tenantId, known, 5, { lastName: 'King', state: 'deactivated' }),
        change(tenantId, fresh, 1, { state: 'activated' }), // before version 2 of the batch
        change(tenantId, known, 4, { lastName: 'Byron' }), // after version 5 of the batch
        change(tenantId, fresh, 2, { state: 'deactivated' }), // repeated in the batch
      ]);

      expect(outcomes).toEqual(['stale', 'stale', 'applied', 'applied', 'applied', 'applied', 'stale']);
      expect(await repo.find(tenantId, known)).toMatchObject({
        lastName: 'King',
        state: 'deactivated',
        version: 5,
        updatedAt: new Date('2025-03-05T00:00:00.000Z'),
      });
      expect(await repo.find(tenantId, fresh)).toMatchObject({ state: 'deactivated', version: 2 });
      expect(await repo.find(tenantId, untouched)).toMatchObject({ lastName: 'Lovelace', version: 1 });
      expect(await repo.applyMany([])).toEqual([]);
      expect(await repo.applyMany([change(tenantId, known, 4, { lastName: 'Late' })])).toEqual(['stale']);
    });

    it('keeps a deleted user as a tombstone without personal data, which older events cannot bring back', async () => {
      const repo = make();
      const tenantId = newTenant();
      const [userId, neverSeen] = [newId(), newId()];
      await repo.applyMany([change(tenantId, userId, 1, { adminRoles: ['application_admin'] })]);

      expect(
        await repo.applyMany([change(tenantId, userId, 3, null), change(tenantId, neverSeen, 4, null)]),
      ).toEqual(['applied', 'applied']);
      expect(
        await repo.applyMany([
          change(tenantId, userId, 2, { state: 'active' }),
          change(tenantId, userId, 3, null),
        ]),
      ).toEqual(['stale', 'stale']);

      expect(await repo.find(tenantId, userId)).toEqual({
        tenantId,
        userId,
        email: null,
        firstName: null,
        lastName: null,
        locale: null,
        state: null,
        level: null,
        adminRoles: [],
        expiresAt: null,
        deleted: true,
        version: 3,
        updatedAt: new Date('2025-03-03T00:00:00.000Z'),
      });
      expect(await repo.find(tenantId, neverSeen)).toMatchObject({ deleted: true, state: null, version: 4 });
    });

    it('ends at the newest version when batches on the same users run at once', async () => {
      const repo = make();
      const tenantId = newTenant();
      const userIds = Array.from({ length: 20 }, () => newId());
      const batch = (version: number) =>
        userIds.map((userId) => change(tenantId, userId, version, { lastName: `v${version}` }));

      const results = await Promise.all([1, 2, 3, 2, 1].map((version) => repo.applyMany(batch(version))));

      // Version 3 was newer than whatever was stored when it was written.
      expect(results[2]).toEqual(userIds.map(() => 'applied'));
      const stored = await repo.findMany(tenantId, userIds);
      expect(stored).toHaveLength(20);
      expect(new Set(stored.map((user) => `${user.version} ${user.lastName}`))).toEqual(new Set(['3 v3']));
    });

    it('reads users by their natural key within their tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [ada, grace] = [newId(), newId()];
      await repo.applyMany([
        change(tenantId, ada, 1),
        change(tenantId, grace, 1, { firstName: 'Grace', lastName: 'Hopper' }),
        change(otherTenant, ada, 1, { lastName: 'Elsewhere' }),
      ]);

      expect((await repo.findMany(tenantId, [ada, grace, ada, newId()])).map((u) => u.userId).sort()).toEqual(
        [ada, grace].sort(),
      );
      expect(await repo.findMany(otherTenant, [ada, grace])).toEqual([
        expect.objectContaining({ tenantId: otherTenant, userId: ada, lastName: 'Elsewhere' }),
      ]);
      expect(await repo.find(tenantId, ada)).toMatchObject({ tenantId, lastName: 'Lovelace' });
      expect(await repo.find(newTenant(), ada)).toBeNull();
      expect(await repo.findMany(newTenant(), [ada, grace])).toEqual([]);
      expect(await repo.findMany(tenantId, [])).toEqual([]);
    });
  });
}
