import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import { shareId, type ArtifactShare } from '../artifacts/domain/artifact';
import type { ArtifactShareRepository } from '../artifacts/ports/artifact-share.repository';

function byId(a: ArtifactShare, b: ArtifactShare): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The artifacts shared with a user, the latest share first, ties by id, as the Mongo repository sorts them. */
const LATEST_SHARED_FIRST: ReadonlyArray<MemorySortKey<ArtifactShare>> = [
  ['sharedAt', (s) => s.sharedAt, -1],
  ['_id', (s) => s.id, -1],
];

/** Who holds which artifact in memory, one share per artifact and user, in the order the Mongo repository reads them. */
export class InMemoryArtifactShareRepository implements ArtifactShareRepository {
  private readonly rows = new Map<string, ArtifactShare>();

  async find(tenantId: string, artifactId: string, userId: string): Promise<ArtifactShare | null> {
    const row = this.rows.get(shareId(artifactId, userId));
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async putMany(shares: readonly ArtifactShare[]): Promise<void> {
    for (const share of shares) this.rows.set(share.id, structuredClone(share));
  }

  async removeMany(tenantId: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) if (this.rows.get(id)?.tenantId === tenantId) this.rows.delete(id);
  }

  async listOf(tenantId: string, artifactId: string): Promise<ArtifactShare[]> {
    return [...this.rows.values()]
      .filter((s) => s.tenantId === tenantId && s.artifactId === artifactId)
      .sort((a, b) => a.sharedAt.getTime() - b.sharedAt.getTime() || byId(a, b))
      .map((s) => structuredClone(s));
  }

  async listHeldBy(tenantId: string, userId: string, page: PageRequest): Promise<Page<ArtifactShare>> {
    const held = [...this.rows.values()].filter((s) => s.tenantId === tenantId && s.userId === userId);
    return slicePage(
      held.map((s) => structuredClone(s)),
      page,
      LATEST_SHARED_FIRST,
    );
  }

  async listOfOwnerHeldBy(
    tenantId: string,
    ownerId: string,
    userIds: readonly string[],
  ): Promise<ArtifactShare[]> {
    const holders = new Set(userIds);
    return [...this.rows.values()]
      .filter((s) => s.tenantId === tenantId && s.ownerId === ownerId && holders.has(s.userId))
      .map((s) => structuredClone(s));
  }

  async removeAllOf(tenantId: string, artifactId: string): Promise<void> {
    for (const [id, s] of this.rows)
      if (s.tenantId === tenantId && s.artifactId === artifactId) this.rows.delete(id);
  }
}
