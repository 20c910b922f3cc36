import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { ArtifactComment } from '../artifacts/domain/artifact-comment';
import type { ArtifactCommentRepository } from '../artifacts/ports/artifact-comment.repository';

/** The comments on an artifact, oldest first, ties by id, as the Mongo repository sorts them. */
const OLDEST_FIRST: ReadonlyArray<MemorySortKey<ArtifactComment>> = [
  ['createdAt', (c) => c.createdAt, 1],
  ['_id', (c) => c.id, 1],
];

/** The comments on artifacts in memory, in the order the Mongo repository reads them. */
export class InMemoryArtifactCommentRepository implements ArtifactCommentRepository {
  private readonly rows = new Map<string, ArtifactComment>();

  async insert(comment: ArtifactComment): Promise<void> {
    if (this.rows.has(comment.id)) throw new Error(`duplicate comment id ${comment.id}`);
    this.rows.set(comment.id, structuredClone(comment));
  }

  async listOf(tenantId: string, artifactId: string, page: PageRequest): Promise<Page<ArtifactComment>> {
    const of = [...this.rows.values()].filter((c) => c.tenantId === tenantId && c.artifactId === artifactId);
    return slicePage(
      of.map((c) => structuredClone(c)),
      page,
      OLDEST_FIRST,
    );
  }

  async removeAllOf(tenantId: string, artifactId: string): Promise<void> {
    for (const [id, c] of this.rows)
      if (c.tenantId === tenantId && c.artifactId === artifactId) this.rows.delete(id);
  }
}
