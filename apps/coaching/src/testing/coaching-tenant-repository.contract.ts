import { randomBytes } from 'node:crypto';
import type { TenantState } from '@lms/contracts';
import type { CoachingTenantChange } from '../tenants/domain/coaching-tenant';
import type { CoachingTenantRepository } from '../tenants/ports/coaching-tenant.repository';

/** A tenant code of this test's own. */
function newTenant(): string {
  return `contract-${randomBytes(6).toString('hex')}`;
}

/** The event of `tenantId` at `version`, on that day of March 2025; without a zone, as events written before tenants had one. */
function change(
  tenantId: string,
  version: number,
  timezone: string | undefined,
  state: TenantState = 'active',
): CoachingTenantChange {
  return {
    tenantId,
    version,
    occurredAt: new Date(`2025-03-${String(version).padStart(2, '0')}T00:00:00.000Z`),
    state,
    ...(timezone === undefined ? {} : { timezone }),
  };
}

/**
 * What every {@link CoachingTenantRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration), so that the fake the use case tests rely on behaves
 * like the real thing. Each test works with tenants of its own.
 */
export function describeCoachingTenantRepositoryContract(
  name: string,
  make: () => CoachingTenantRepository,
): void {
  describe(`${name} (coaching tenant repository contract)`, () => {
    it('stores the state and time zone of a new tenant and reports older or repeated events as stale', async () => {
      const repo = make();
      const tenantId = newTenant();

      expect(await repo.applyMany([change(tenantId, 2, 'Asia/Tokyo')])).toEqual(['applied']);
      expect(await repo.applyMany([change(tenantId, 2, 'Europe/Rome')])).toEqual(['stale']);
      expect(await repo.applyMany([change(tenantId, 1, 'America/New_York')])).toEqual(['stale']);

      expect(await repo.find(tenantId)).toEqual({
        tenantId,
        state: 'active',
        timezone: 'Asia/Tokyo',
        version: 2,
        updatedAt: new Date('2025-03-02T00:00:00.000Z'),
      });
      expect(await repo.find(newTenant())).toBeNull();
    });

    it('applies a batch in bulk: new and known tenants, several versions of one in any order, stale and repeated events', async () => {
      const repo = make();
      const [known, fresh, untouched] = [newTenant(), newTenant(), newTenant()];
      await repo.applyMany([change(known, 3, 'UTC'), change(untouched, 1, 'Europe/Rome')]);

      const outcomes = await repo.applyMany([
        change(known, 2, 'Asia/Tokyo'), // older than stored
        change(known, 3, 'Asia/Tokyo'), // the version stored
        change(fresh, 2, 'America/New_York'),
        change(known, 5, 'Europe/Rome', 'deleted'),
        change(fresh, 1, 'Asia/Tokyo'), // before version 2 of the batch
        change(known, 4, 'Asia/Tokyo'), // after version 5 of the batch
        change(fresh, 2, 'America/New_York'), // repeated in the batch
      ]);

      expect(outcomes).toEqual(['stale', 'stale', 'applied', 'applied', 'applied', 'applied', 'stale']);
      expect(await repo.find(known)).toMatchObject({
        state: 'deleted',
        timezone: 'Europe/Rome',
        version: 5,
        updatedAt: new Date('2025-03-05T00:00:00.000Z'),
      });
      expect(await repo.find(fresh)).toMatchObject({ timezone: 'America/New_York', version: 2 });
      expect(await repo.find(untouched)).toMatchObject({ timezone: 'Europe/Rome', version: 1 });
      expect(await repo.applyMany([])).toEqual([]);
    });

    it('keeps an event written before tenants had a time zone as UTC', async () => {
      const repo = make();
      const tenantId = newTenant();

      await repo.applyMany([change(tenantId, 1, undefined)]);

      expect(await repo.find(tenantId)).toMatchObject({ timezone: 'UTC', version: 1 });
    });

    it('ends at the newest version when batches on the same tenants run at once', async () => {
      const repo = make();
      const tenantIds = Array.from({ length: 10 }, () => newTenant());
      const zones = ['UTC', 'Asia/Tokyo', 'Europe/Rome', 'America/New_York'];
      const batch = (version: number) =>
        tenantIds.map((tenantId) => change(tenantId, version, zones[version] as string));

      const results = await Promise.all([1, 2, 3, 2, 1].map((version) => repo.applyMany(batch(version))));

      // Version 3 was newer than whatever was stored when it was written.
      expect(results[2]).toEqual(tenantIds.map(() => 'applied'));
      const stored = await Promise.all(tenantIds.map((tenantId) => repo.find(tenantId)));
      expect(new Set(stored.map((tenant) => `${tenant?.version} ${tenant?.timezone}`))).toEqual(
        new Set(['3 America/New_York']),
      );
    });
  });
}
