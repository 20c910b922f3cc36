import { randomUUID } from 'node:crypto';
import type { MailPreferences } from '../preferences/domain/mail-preferences';
import type { PreferenceRepository } from '../preferences/ports/preference.repository';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const T1 = new Date('2026-03-02T10:00:00.000Z');

/**
 * What every {@link PreferenceRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describePreferenceRepositoryContract(
  name: string,
  make: () => Promise<PreferenceRepository> | PreferenceRepository,
): void {
  describe(`${name} (preference repository contract)`, () => {
    let repository: PreferenceRepository;
    let tenantId: string;

    beforeEach(async () => {
      repository = await make();
      tenantId = `tenant-${randomUUID()}`;
    });

    function first(userId: string, optedOut: MailPreferences['optedOut']): MailPreferences {
      return { tenantId, userId, optedOut, updatedAt: T0, version: 1 };
    }

    it('stores a user’s first preferences once, and finds them by user within the tenant only', async () => {
      const ada = randomUUID();
      const preferences = first(ada, ['assignment.created', 'assignment.expiring']);

      expect(await repository.insert(preferences)).toBe('written');
      expect(await repository.insert(first(ada, []))).toBe('stale');

      expect(await repository.find({ tenantId, userId: ada })).toEqual(preferences);
      expect(await repository.find({ tenantId, userId: randomUUID() })).toBeNull();
      expect(await repository.find({ tenantId: 'another-tenant', userId: ada })).toBeNull();
    });

    it('replaces them only from the version read: a writer that read an older one changes nothing', async () => {
      const ada = randomUUID();
      await repository.insert(first(ada, ['assignment.created']));
      const second: MailPreferences = { ...first(ada, ['assignment.ended']), updatedAt: T1, version: 2 };

      expect(await repository.update(second, 1)).toBe('written');
      expect(await repository.update({ ...second, optedOut: [], version: 2 }, 1)).toBe('stale');
      expect(await repository.update({ ...first(randomUUID(), []), version: 2 }, 1)).toBe('stale');

      expect(await repository.find({ tenantId, userId: ada })).toEqual(second);
    });

    it('lets exactly one of two concurrent changes from the same version win', async () => {
      const ada = randomUUID();
      await repository.insert(first(ada, []));

      const outcomes = await Promise.all(
        (['assignment.created', 'assignment.ended'] as const).map((category) =>
          repository.update({ ...first(ada, [category]), updatedAt: T1, version: 2 }, 1),
        ),
      );

      expect([...outcomes].sort()).toEqual(['stale', 'written']);
      expect(await repository.find({ tenantId, userId: ada })).toMatchObject({ version: 2 });
    });

    it('reads the preferences of many users of many tenants at once, leaving out those who never set any', async () => {
      const [ada, grace, unknown] = [randomUUID(), randomUUID(), randomUUID()];
      const otherTenant = `tenant-${randomUUID()}`;
      await repository.insert(first(ada, ['assignment.created']));
      await repository.insert({ ...first(grace, ['assignment.ended']), tenantId: otherTenant });

      const found = await repository.findMany([
        { tenantId, userId: ada },
        { tenantId, userId: ada },
        { tenantId, userId: grace },
        { tenantId: otherTenant, userId: grace },
        { tenantId, userId: unknown },
      ]);

      expect(found.map((p) => `${p.tenantId === tenantId ? 'own' : 'other'} ${p.userId}`).sort()).toEqual(
        [`own ${ada}`, `other ${grace}`].sort(),
      );
      expect(await repository.findMany([])).toEqual([]);
    });
  });
}
