import { randomUUID } from 'node:crypto';
import { EventFactory, type OutboxEntry } from '@lms/messaging';
import { newId } from '@lms/kernel';
import { activate, isPublished, startProvisioning, type Tenant } from '../tenants/domain/tenant';
import type { TenantRepository } from '../tenants/ports/tenant.repository';
import { tenantEvent } from '../tenants/use-cases/tenant-events';
import { freshForEachTest, type MakeRepositoryUnderContract } from './repository-under-contract';

const events = new EventFactory('identity');

/**
 * What every {@link TenantRepository} guarantees, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake cannot drift from the real one.
 * Tenants belong to no tenant: each test writes codes of its own.
 */
export function describeTenantRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<TenantRepository>,
): void {
  describe(`${name} (tenant repository contract)`, () => {
    const subject = freshForEachTest(make);
    const at = new Date('2026-03-02T09:00:00.000Z');

    /** A code of this test's own, within the pattern. */
    function newCode(): string {
      return `t-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    }

    function provisioning(code = newCode()): Tenant {
      return startProvisioning(
        {
          code,
          name: 'Acme',
          administrator: {
            userId: newId(at),
            email: 'Ada@Example.com',
            firstName: 'Ada',
            lastName: 'Lovelace',
            adminRoles: ['application_admin'],
            passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
          },
        },
        at,
      );
    }

    function created(of: Tenant): OutboxEntry {
      if (!isPublished(of)) throw new Error('only a published tenant has events');
      return tenantEvent(events, 'tenant.created', of, of.updatedAt);
    }

    it('given a tenant inserted, then it is found by its code whole, as a plain value', async () => {
      const inserted = provisioning();

      expect(await subject.repository.insert(inserted, [])).toBe('inserted');

      expect(await subject.repository.findById(inserted.code)).toEqual(inserted);
      expect(await subject.repository.findById(newCode())).toBeNull();
    });

    it('given a code already taken, then the insert answers duplicate and the first tenant and its events stay', async () => {
      const first = activate(provisioning(), at);
      const event = created(first);
      await subject.repository.insert(first, [event]);

      expect(await subject.repository.insert({ ...provisioning(first.code), name: 'Other' }, [])).toBe(
        'duplicate',
      );

      expect(await subject.repository.findById(first.code)).toEqual(first);
      expect(await subject.outboxOf(first.code)).toEqual([event]);
    });

    it('refuses a tenant with an empty name, and stores nothing of it', async () => {
      const blank = { ...provisioning(), name: '' };

      await expect(subject.repository.insert(blank, [])).rejects.toThrow();

      expect(await subject.repository.findById(blank.code)).toBeNull();
    });

    it('updates a tenant only from the version it was read at, with its events, and can clear the pending administrator', async () => {
      const written = provisioning();
      await subject.repository.insert(written, []);
      const later = new Date('2026-03-02T09:05:00.000Z');
      const active = activate(written, later);
      const event = created(active);

      expect(await subject.repository.update(active, 1, [event])).toBe('written');
      expect(await subject.repository.update({ ...active, name: 'Late', version: 2 }, 1, [])).toBe('stale');
      expect(await subject.repository.update({ ...provisioning(), version: 2 }, 1, [])).toBe('stale');

      expect(await subject.repository.findById(written.code)).toEqual(active);
      expect(active.pendingAdministrator).toBeNull();
      expect(await subject.outboxOf(written.code)).toEqual([event]);
    });

    it("stores a tenant's time zone and its change, and reads them back", async () => {
      const written = { ...provisioning(), timezone: 'Asia/Tokyo' };
      await subject.repository.insert(written, []);
      const moved = { ...activate(written, at), timezone: 'America/New_York' };

      expect(await subject.repository.findById(written.code)).toMatchObject({ timezone: 'Asia/Tokyo' });
      expect(await subject.repository.update(moved, 1, [])).toBe('written');

      expect(await subject.repository.findById(written.code)).toEqual(moved);
    });

    it('lists the tenants of one state in code order, page by page, the cursor reading the next page', async () => {
      // Codes of this test only, before every other test's (`t-...`) in code order.
      const prefix = `0${randomUUID().slice(0, 8)}`;
      const [a, b, c] = ['a', 'b', 'c'].map((suffix) => activate(provisioning(`${prefix}-${suffix}`), at));
      const unfinished = provisioning(`${prefix}-b0`);
      for (const tenant of [c, unfinished, a, b]) await subject.repository.insert(tenant, []);

      const first = await subject.repository.list('active', { limit: 2 });
      const next = await subject.repository.list('active', {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      const provisioningOnes = await subject.repository.list('provisioning', { limit: 200 });

      expect(first).toEqual({ items: [a, b], limit: 2, nextCursor: expect.any(String) });
      expect(next.items[0]).toEqual(c);
      expect(provisioningOnes.items).toContainEqual(unfinished);
      expect(provisioningOnes.items.map((tenant) => tenant.state)).not.toContain('active');
    });
  });
}
