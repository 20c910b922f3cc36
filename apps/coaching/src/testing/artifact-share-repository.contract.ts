import { newId } from '@lms/kernel';
import { shareId, type ArtifactShare } from '../artifacts/domain/artifact';
import type { ArtifactShareRepository } from '../artifacts/ports/artifact-share.repository';

const PAGE = { limit: 50 };

function newTenant(): string {
  return `contract-${newId()}`;
}

function aShare(
  tenantId: string,
  at: string,
  overrides: Partial<Omit<ArtifactShare, 'id' | 'tenantId' | 'sharedAt'>> = {},
): ArtifactShare {
  const artifactId = overrides.artifactId ?? newId();
  const userId = overrides.userId ?? newId();
  const ownerId = overrides.ownerId ?? newId();
  return {
    id: shareId(artifactId, userId),
    tenantId,
    artifactId,
    ownerId,
    userId,
    permission: 'view',
    sharedBy: ownerId,
    sharedAt: new Date(at),
    resharedFrom: null,
    ...overrides,
  };
}

function sortedById(shares: readonly ArtifactShare[]): ArtifactShare[] {
  return [...shares].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What every {@link ArtifactShareRepository} must do, run against the in-memory fake (unit) and
 * the Mongo repository (integration), so that the fake the use case tests rely on behaves like
 * the real thing. Each test works in a tenant of its own.
 */
export function describeArtifactShareRepositoryContract(
  name: string,
  make: () => ArtifactShareRepository,
): void {
  describe(`${name} (artifact share repository contract)`, () => {
    it('given shares put, then each reads back by artifact and user as written, in its tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const given = aShare(tenantId, '2025-03-10T09:00:00.000Z', { permission: 'high' });
      const moved = aShare(tenantId, '2025-03-10T09:01:00.000Z', {
        permission: 'comment',
        resharedFrom: newId(),
      });
      await repo.putMany([given, moved]);

      expect(await repo.find(tenantId, given.artifactId, given.userId)).toEqual(given);
      expect(await repo.find(tenantId, moved.artifactId, moved.userId)).toEqual(moved);
      expect(await repo.find(otherTenant, given.artifactId, given.userId)).toBeNull();
      expect(await repo.find(tenantId, given.artifactId, newId())).toBeNull();
      await repo.putMany([]);
    });

    it('given the same share put again, then it is one share; put with another permission, then it is replaced by id', async () => {
      const repo = make();
      const tenantId = newTenant();
      const share = aShare(tenantId, '2025-03-10T09:00:00.000Z');
      await repo.putMany([share]);
      await repo.putMany([share, share]);

      expect(await repo.listOf(tenantId, share.artifactId)).toEqual([share]);

      const raised: ArtifactShare = { ...share, permission: 'high', resharedFrom: newId() };
      await repo.putMany([raised]);

      expect(await repo.find(tenantId, share.artifactId, share.userId)).toEqual(raised);
      expect(await repo.listOf(tenantId, share.artifactId)).toEqual([raised]);
    });

    it("given an artifact's shares, then they list oldest first, of that artifact and tenant only", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const artifactId = newId();
      const first = aShare(tenantId, '2025-03-10T09:00:00.000Z', { artifactId });
      const second = aShare(tenantId, '2025-03-11T09:00:00.000Z', { artifactId, permission: 'comment' });
      await repo.putMany([second, first]);
      await repo.putMany([aShare(tenantId, '2025-03-12T09:00:00.000Z')]);
      await repo.putMany([aShare(otherTenant, '2025-03-09T09:00:00.000Z', { artifactId })]);

      expect(await repo.listOf(tenantId, artifactId)).toEqual([first, second]);
      expect(await repo.listOf(newTenant(), artifactId)).toEqual([]);
    });

    it('given shares a user holds, written out of order, then they list newest first, a page at a time, of that user and tenant only', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const userId = newId();
      const oldest = aShare(tenantId, '2025-03-10T09:00:00.000Z', { userId });
      const middle = aShare(tenantId, '2025-03-11T09:00:00.000Z', { userId });
      const newest = aShare(tenantId, '2025-03-12T09:00:00.000Z', { userId });
      await repo.putMany([middle, newest, oldest]);
      await repo.putMany([aShare(tenantId, '2025-03-13T09:00:00.000Z')]);
      await repo.putMany([aShare(otherTenant, '2025-03-14T09:00:00.000Z', { userId })]);

      const first = await repo.listHeldBy(tenantId, userId, { limit: 2 });
      expect(first).toEqual({ items: [newest, middle], limit: 2, nextCursor: expect.any(String) });
      expect(
        await repo.listHeldBy(tenantId, userId, { limit: 2, cursor: first.nextCursor ?? undefined }),
      ).toEqual({
        items: [oldest],
        limit: 2,
        nextCursor: null,
      });
      expect(await repo.listHeldBy(newTenant(), userId, PAGE)).toEqual({
        items: [],
        limit: 50,
        nextCursor: null,
      });
    });

    it('given two shares a user got at the same instant, then the one of the higher id lists first, also across pages', async () => {
      const repo = make();
      const tenantId = newTenant();
      const userId = newId();
      const at = '2025-03-10T09:00:00.000Z';
      const [low, high] = sortedById([aShare(tenantId, at, { userId }), aShare(tenantId, at, { userId })]);
      await repo.putMany([low, high]);

      const page = await repo.listHeldBy(tenantId, userId, PAGE);
      const first = await repo.listHeldBy(tenantId, userId, { limit: 1 });
      const second = await repo.listHeldBy(tenantId, userId, {
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });

      expect(page.items.map((s) => s.id)).toEqual([high.id, low.id]);
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual([high.id, low.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('given ids to remove, then those shares of the tenant are gone and the others stay; asked in another tenant, nothing is removed', async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const artifactId = newId();
      const [gone, alsoGone, kept] = ['2025-03-10', '2025-03-11', '2025-03-12'].map((day) =>
        aShare(tenantId, `${day}T09:00:00.000Z`, { artifactId }),
      );
      await repo.putMany([gone, alsoGone, kept]);

      await repo.removeMany(otherTenant, [gone.id, alsoGone.id, kept.id]);
      expect(await repo.listOf(tenantId, artifactId)).toEqual([gone, alsoGone, kept]);

      await repo.removeMany(tenantId, [gone.id, alsoGone.id, newId()]);
      await repo.removeMany(tenantId, [gone.id]);
      await repo.removeMany(tenantId, []);

      expect(await repo.listOf(tenantId, artifactId)).toEqual([kept]);
      expect(await repo.find(tenantId, gone.artifactId, gone.userId)).toBeNull();
    });

    it("given an owner's shares with several users, then it lists those held by the users asked, of that owner and tenant only", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [ownerId, coach, otherCoach, notAsked] = [newId(), newId(), newId(), newId()];
      const [artifact, otherArtifact] = [newId(), newId()];
      const held = [
        aShare(tenantId, '2025-03-10T09:00:00.000Z', { ownerId, artifactId: artifact, userId: coach }),
        aShare(tenantId, '2025-03-11T09:00:00.000Z', {
          ownerId,
          artifactId: otherArtifact,
          userId: coach,
          permission: 'high',
        }),
        aShare(tenantId, '2025-03-12T09:00:00.000Z', { ownerId, artifactId: artifact, userId: otherCoach }),
      ];
      await repo.putMany([
        ...held,
        aShare(tenantId, '2025-03-13T09:00:00.000Z', { ownerId, artifactId: artifact, userId: notAsked }),
        // Another owner's artifact shared with the same coach.
        aShare(tenantId, '2025-03-14T09:00:00.000Z', { userId: coach }),
        aShare(otherTenant, '2025-03-15T09:00:00.000Z', { ownerId, userId: coach }),
      ]);

      const listed = await repo.listOfOwnerHeldBy(tenantId, ownerId, [coach, otherCoach, coach, newId()]);

      expect(sortedById(listed)).toEqual(sortedById(held));
      expect(await repo.listOfOwnerHeldBy(tenantId, ownerId, [])).toEqual([]);
      expect(await repo.listOfOwnerHeldBy(newTenant(), ownerId, [coach, otherCoach])).toEqual([]);
    });

    it("given an artifact's removal, then all its shares are gone and other artifacts' stay; asked in another tenant, nothing is removed", async () => {
      const repo = make();
      const [tenantId, otherTenant] = [newTenant(), newTenant()];
      const [artifactId, otherArtifact] = [newId(), newId()];
      const shares = [
        aShare(tenantId, '2025-03-10T09:00:00.000Z', { artifactId }),
        aShare(tenantId, '2025-03-11T09:00:00.000Z', { artifactId, permission: 'high' }),
      ];
      const kept = aShare(tenantId, '2025-03-12T09:00:00.000Z', { artifactId: otherArtifact });
      await repo.putMany([...shares, kept]);

      await repo.removeAllOf(otherTenant, artifactId);
      expect(await repo.listOf(tenantId, artifactId)).toEqual(shares);

      await repo.removeAllOf(tenantId, artifactId);
      expect(await repo.listOf(tenantId, artifactId)).toEqual([]);
      expect(await repo.listOf(tenantId, otherArtifact)).toEqual([kept]);
      await repo.removeAllOf(tenantId, artifactId);
    });
  });
}
