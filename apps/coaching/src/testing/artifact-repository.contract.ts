import { newId } from '@lms/kernel';
import type { Artifact } from '../artifacts/domain/artifact';
import type { ArtifactRepository } from '../artifacts/ports/artifact.repository';

const PAGE = { limit: 50 };

function newTenant(): string {
  return `contract-${newId()}`;
}

function anArtifact(
  tenantId: string,
  ownerId: string,
  at: string,
  overrides: Partial<Artifact> = {},
): Artifact {
  const createdAt = new Date(at);
  return {
    id: newId(createdAt),
    tenantId,
    ownerId,
    title: `made at ${at}`,
    link: `https://docs.example.test/${at}`,
    text: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...overrides,
  };
}

/**
 * What every {@link ArtifactRepository} must do, run against the in-memory fake (unit) and the
 * Mongo repository (integration), so that the fake the use case tests rely on behaves like the
 * real thing. Each test works in a tenant of its own.
 */
export function describeArtifactRepositoryContract(name: string, make: () => ArtifactRepository): void {
  describe(`${name} (artifact repository contract)`, () => {
    it('given an artifact written, then it reads back by id as written, in its tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const text = anArtifact(tenantId, newId(), '2025-03-10T09:00:00.000Z', {
        title: 'Ünïcode, "quotes"',
        link: null,
        text: 'Notes\nover two lines',
      });
      const link = anArtifact(tenantId, newId(), '2025-03-10T09:01:00.000Z');
      await repo.insert(text);
      await repo.insert(link);

      expect(await repo.find(tenantId, text.id)).toEqual(text);
      expect(await repo.find(tenantId, link.id)).toEqual(link);
      expect(await repo.find(otherTenant, text.id)).toBeNull();
      expect(await repo.find(tenantId, newId())).toBeNull();
    });

    it("given artifacts written out of order, then an owner's list reads them newest first, a page at a time, of that owner and tenant only", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const ownerId = newId();
      const oldest = anArtifact(tenantId, ownerId, '2025-03-10T09:00:00.000Z');
      const middle = anArtifact(tenantId, ownerId, '2025-03-11T09:00:00.000Z');
      const newest = anArtifact(tenantId, ownerId, '2025-03-12T09:00:00.000Z');
      for (const artifact of [middle, oldest, newest]) await repo.insert(artifact);
      await repo.insert(anArtifact(tenantId, newId(), '2025-03-13T09:00:00.000Z'));
      await repo.insert(anArtifact(otherTenant, ownerId, '2025-03-14T09:00:00.000Z'));

      const first = await repo.listOwnedBy(tenantId, ownerId, { limit: 2 });
      expect(first).toEqual({ items: [newest, middle], limit: 2, nextCursor: expect.any(String) });
      expect(
        await repo.listOwnedBy(tenantId, ownerId, { limit: 2, cursor: first.nextCursor ?? undefined }),
      ).toEqual({ items: [oldest], limit: 2, nextCursor: null });
      expect(await repo.listOwnedBy(newTenant(), ownerId, PAGE)).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });

    it('given two artifacts of the same instant, then the one of the higher id reads first, also across pages', async () => {
      const repo = make();
      const tenantId = newTenant();
      const ownerId = newId();
      const at = '2025-03-10T09:00:00.000Z';
      const [low, high] = [anArtifact(tenantId, ownerId, at), anArtifact(tenantId, ownerId, at)].sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      );
      await repo.insert(low);
      await repo.insert(high);

      const page = await repo.listOwnedBy(tenantId, ownerId, PAGE);
      const first = await repo.listOwnedBy(tenantId, ownerId, { limit: 1 });
      const second = await repo.listOwnedBy(tenantId, ownerId, {
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });

      expect(page.items.map((a) => a.id)).toEqual([high.id, low.id]);
      expect([...first.items, ...second.items].map((a) => a.id)).toEqual([high.id, low.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('given the version read, then a save replaces the artifact; at a stale version or in another tenant it writes nothing', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const stored = anArtifact(tenantId, newId(), '2025-03-10T09:00:00.000Z');
      await repo.insert(stored);
      const edited: Artifact = {
        ...stored,
        title: 'Renamed',
        link: null,
        text: 'Now a text',
        updatedAt: new Date('2025-03-11T09:00:00.000Z'),
        version: 2,
      };

      expect(await repo.save({ ...edited, title: 'Elsewhere', tenantId: otherTenant }, 1)).toBe(false);
      expect(await repo.find(tenantId, stored.id)).toEqual(stored);
      expect(await repo.save(edited, 1)).toBe(true);
      expect(await repo.find(tenantId, stored.id)).toEqual(edited);

      const stale: Artifact = { ...edited, title: 'Lost update', version: 2 };
      expect(await repo.save(stale, 1)).toBe(false);
      expect(await repo.find(tenantId, stored.id)).toEqual(edited);
      expect(
        await repo.save({ ...anArtifact(tenantId, newId(), '2025-03-10T10:00:00.000Z'), version: 2 }, 1),
      ).toBe(false);
    });

    it('given a deletion, then the artifact is gone for good; asked in another tenant, nothing is removed', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const ownerId = newId();
      const kept = anArtifact(tenantId, ownerId, '2025-03-10T09:00:00.000Z');
      const deleted = anArtifact(tenantId, ownerId, '2025-03-11T09:00:00.000Z');
      await repo.insert(kept);
      await repo.insert(deleted);

      await repo.delete(otherTenant, kept.id);
      await repo.delete(tenantId, deleted.id);
      await repo.delete(tenantId, newId());

      expect(await repo.find(tenantId, kept.id)).toEqual(kept);
      expect(await repo.find(tenantId, deleted.id)).toBeNull();
      expect((await repo.listOwnedBy(tenantId, ownerId, PAGE)).items).toEqual([kept]);
    });

    it("given ids, then it finds the tenant's artifacts among them once each, leaving out unknown ids and other tenants'", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const first = anArtifact(tenantId, newId(), '2025-03-10T09:00:00.000Z');
      const second = anArtifact(tenantId, newId(), '2025-03-11T09:00:00.000Z');
      const foreign = anArtifact(otherTenant, newId(), '2025-03-12T09:00:00.000Z');
      for (const artifact of [first, second, foreign]) await repo.insert(artifact);

      const found = await repo.findMany(tenantId, [second.id, foreign.id, newId(), first.id, second.id]);

      expect([...found].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([first, second]);
      expect(await repo.findMany(tenantId, [])).toEqual([]);
    });
  });
}
