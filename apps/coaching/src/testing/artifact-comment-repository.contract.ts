import { newId } from '@lms/kernel';
import type { ArtifactComment } from '../artifacts/domain/artifact-comment';
import type { ArtifactCommentRepository } from '../artifacts/ports/artifact-comment.repository';

function aComment(tenantId: string, artifactId: string, at: string, text: string): ArtifactComment {
  return { id: newId(new Date(at)), tenantId, artifactId, authorId: newId(), text, createdAt: new Date(at) };
}

/**
 * What every {@link ArtifactCommentRepository} must do, run against the in-memory fake (unit)
 * and the Mongo repository (integration). Each test works in a tenant of its own.
 */
export function describeArtifactCommentRepositoryContract(
  name: string,
  make: () => ArtifactCommentRepository,
): void {
  describe(`${name} (artifact comment repository contract)`, () => {
    it("lists one artifact's comments oldest first, a page at a time, within its tenant, and removes them all", async () => {
      const repo = make();
      const tenantId = `contract-${newId()}`;
      const [artifactId, other] = [newId(), newId()];
      const later = aComment(tenantId, artifactId, '2025-03-10T10:00:00.000Z', 'later');
      const earlier = aComment(tenantId, artifactId, '2025-03-10T09:00:00.000Z', 'earlier');
      for (const comment of [later, earlier, aComment(tenantId, other, '2025-03-10T08:00:00.000Z', 'other')])
        await repo.insert(comment);

      const first = await repo.listOf(tenantId, artifactId, { limit: 1 });
      expect(first.items.map((c) => c.text)).toEqual(['earlier']);
      const second = await repo.listOf(tenantId, artifactId, {
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });
      expect(second).toEqual({ items: [later], limit: 1, nextCursor: null });
      expect((await repo.listOf(tenantId, artifactId, { limit: 10 })).items).toEqual([earlier, later]);
      expect((await repo.listOf(`contract-${newId()}`, artifactId, { limit: 10 })).items).toEqual([]);

      await repo.removeAllOf(tenantId, artifactId);
      expect((await repo.listOf(tenantId, artifactId, { limit: 10 })).items).toEqual([]);
      expect((await repo.listOf(tenantId, other, { limit: 10 })).items).toHaveLength(1);
    });
  });
}
