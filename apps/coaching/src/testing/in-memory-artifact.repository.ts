import { slicePage, type MemorySortKey, type Page, type PageRequest } from '@lms/kernel';
import type { Artifact } from '../artifacts/domain/artifact';
import type { ArtifactRepository } from '../artifacts/ports/artifact.repository';

/** A mentee's artifacts, newest first, ties by id, as the Mongo repository sorts them. */
const NEWEST_FIRST: ReadonlyArray<MemorySortKey<Artifact>> = [
  ['createdAt', (a) => a.createdAt, -1],
  ['_id', (a) => a.id, -1],
];

/** Mentees' artifacts in memory, in the order the Mongo repository reads them. */
export class InMemoryArtifactRepository implements ArtifactRepository {
  private readonly rows = new Map<string, Artifact>();

  async insert(artifact: Artifact): Promise<void> {
    if (this.rows.has(artifact.id)) throw new Error(`duplicate artifact id ${artifact.id}`);
    this.rows.set(artifact.id, structuredClone(artifact));
  }

  async find(tenantId: string, id: string): Promise<Artifact | null> {
    const row = this.rows.get(id);
    return row && row.tenantId === tenantId ? structuredClone(row) : null;
  }

  async save(artifact: Artifact, expectedVersion: number): Promise<boolean> {
    const stored = this.rows.get(artifact.id);
    if (!stored || stored.tenantId !== artifact.tenantId || stored.version !== expectedVersion) return false;
    this.rows.set(artifact.id, structuredClone(artifact));
    return true;
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (this.rows.get(id)?.tenantId === tenantId) this.rows.delete(id);
  }

  async listOwnedBy(tenantId: string, ownerId: string, page: PageRequest): Promise<Page<Artifact>> {
    const owned = [...this.rows.values()].filter((a) => a.tenantId === tenantId && a.ownerId === ownerId);
    return slicePage(
      owned.map((a) => structuredClone(a)),
      page,
      NEWEST_FIRST,
    );
  }

  async findMany(tenantId: string, ids: readonly string[]): Promise<Artifact[]> {
    return [...new Set(ids)]
      .map((id) => this.rows.get(id))
      .filter((row): row is Artifact => row !== undefined && row.tenantId === tenantId)
      .map((row) => structuredClone(row));
  }
}
