import { newId } from '@lms/kernel';
import { EventFactory } from '@lms/messaging';
import {
  definePermissionProfile,
  type PermissionProfile,
} from '../permission-profiles/domain/permission-profile';
import { permissionProfileDefinedEvent } from '../permission-profiles/permission-profile-events';
import type { PermissionProfileRepository } from '../permission-profiles/ports/permission-profile.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link PermissionProfileRepository} guarantees, run against the in-memory fake
 * (unit) and the Mongo repository (integration), so that the fake cannot drift from the real one.
 */
export function describePermissionProfileRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<PermissionProfileRepository>,
): void {
  describe(`${name} (permission profile repository contract)`, () => {
    const subject = freshForEachTest(make);
    const at = new Date('2026-03-02T09:00:00.000Z');
    const events = new EventFactory('identity');
    const defined = (of: PermissionProfile) => [permissionProfileDefinedEvent(events, of)];

    /** A new profile of the test's tenant (or another), as the domain makes it. */
    function profile(
      overrides: { tenantId?: string; name?: string; rights?: string[]; description?: string | null } = {},
    ): PermissionProfile {
      const decision = definePermissionProfile(
        null,
        {
          id: newId(at),
          tenantId: overrides.tenantId ?? subject.tenantId,
          name: overrides.name ?? 'enrollments',
          rights: overrides.rights ?? ['users.read', 'enrollments.manage'],
          description: overrides.description === undefined ? 'Enrols the sales team' : overrides.description,
        },
        at,
      );
      if (decision.outcome !== 'created') throw new Error(`not a new profile: ${decision.outcome}`);
      return decision.profile;
    }

    it('given a profile inserted with its event, then it is found by its name whole, as a plain value, within its tenant only, the event kept with it', async () => {
      const inserted = profile({ description: null });

      const event = defined(inserted);
      expect(await subject.repository.insert(inserted, event)).toBe('written');
      expect(await subject.outboxOf(inserted.id)).toEqual(event);

      expect(await subject.repository.find(subject.tenantId, 'enrollments')).toEqual(inserted);
      expect(await subject.repository.find(subject.tenantId, 'other')).toBeNull();
      expect(await subject.repository.find(contractTenant(), 'enrollments')).toBeNull();
    });

    it('given a name the tenant already has, then the insert answers stale and the first profile stays; another tenant may have it too', async () => {
      const first = profile();
      await subject.repository.insert(first, defined(first));

      expect(await subject.repository.insert(profile({ rights: [] }), [])).toBe('stale');
      const elsewhere = profile({ tenantId: contractTenant() });
      expect(await subject.repository.insert(elsewhere, defined(elsewhere))).toBe('written');

      expect(await subject.repository.find(subject.tenantId, first.name)).toEqual(first);
      expect(await subject.repository.find(elsewhere.tenantId, elsewhere.name)).toEqual(elsewhere);
    });

    it('refuses a profile with an empty name, and stores nothing of it', async () => {
      const blank = { ...profile(), name: '' };

      await expect(subject.repository.insert(blank, [])).rejects.toThrow();

      expect(await subject.repository.find(subject.tenantId, '')).toBeNull();
    });

    it('replaces a profile only from the version it was read at, never another one defined under its name since, its event after the first', async () => {
      const first = profile();
      await subject.repository.insert(first, defined(first));
      const replaced: PermissionProfile = {
        ...first,
        rights: ['users.read'],
        description: null,
        updatedAt: new Date('2026-03-02T10:00:00.000Z'),
        version: 2,
      };

      const replacedEvent = defined(replaced);
      expect(await subject.repository.update(replaced, 1, replacedEvent)).toBe('written');
      expect(await subject.repository.update({ ...replaced, rights: [], version: 2 }, 1, [])).toBe('stale');
      expect((await subject.outboxOf(first.id)).map((entry) => entry.envelope.aggregateVersion)).toEqual([
        1, 2,
      ]);
      expect((await subject.outboxOf(first.id))[1]).toEqual(replacedEvent[0]);
      expect(await subject.repository.find(subject.tenantId, first.name)).toEqual(replaced);

      await subject.repository.delete(subject.tenantId, first.name);
      const again = profile();
      await subject.repository.insert(again, defined(again));
      expect(await subject.repository.update({ ...replaced, version: 3 }, 1, [])).toBe('stale');
      expect(await subject.repository.find(subject.tenantId, first.name)).toEqual(again);
    });

    it('deletes a profile by its name within its tenant only, and tells when there was none', async () => {
      const doomed = profile();
      const elsewhere = profile({ tenantId: contractTenant() });
      await subject.repository.insert(doomed, defined(doomed));
      await subject.repository.insert(elsewhere, defined(elsewhere));

      expect(await subject.repository.delete(subject.tenantId, doomed.name)).toBe(true);
      expect(await subject.repository.delete(subject.tenantId, doomed.name)).toBe(false);

      expect(await subject.repository.find(subject.tenantId, doomed.name)).toBeNull();
      expect(await subject.repository.find(elsewhere.tenantId, elsewhere.name)).toEqual(elsewhere);
    });

    it("lists the tenant's profiles in name order, page by page, the cursor reading the next page", async () => {
      const [a, b, c] = ['assistants', 'coaches', 'sales-desk'].map((each) => profile({ name: each }));
      for (const each of [c, a, profile({ tenantId: contractTenant(), name: 'aaa' }), b])
        await subject.repository.insert(each, defined(each));

      const first = await subject.repository.list(subject.tenantId, { limit: 2 });
      const last = await subject.repository.list(subject.tenantId, {
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });

      expect(first).toEqual({ items: [a, b], limit: 2, nextCursor: expect.any(String) });
      expect(last).toEqual({ items: [c], limit: 2, nextCursor: null });
      expect(await subject.repository.list(contractTenant(), { limit: 50 })).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });
  });
}
