import type { Page, PageRequest } from '@lms/kernel';
import type { Artifact } from '../domain/artifact';

/** The artifacts of mentees (CO-W2). Every query is scoped by tenant. */
export interface ArtifactRepository {
  insert(artifact: Artifact): Promise<void>;
  find(tenantId: string, id: string): Promise<Artifact | null>;
  /** Writes `artifact` if the stored one is still at `expectedVersion`; false otherwise (nothing written). */
  save(artifact: Artifact, expectedVersion: number): Promise<boolean>;
  /** Deletes it for good; its shares go with it (see the share repository). */
  delete(tenantId: string, id: string): Promise<void>;
  /** The artifacts `ownerId` created, newest first. */
  listOwnedBy(tenantId: string, ownerId: string, page: PageRequest): Promise<Page<Artifact>>;
  /** The artifacts among `ids` (any order; unknown ids are left out). */
  findMany(tenantId: string, ids: readonly string[]): Promise<Artifact[]>;
}

export const ARTIFACT_REPOSITORY = Symbol('ARTIFACT_REPOSITORY');
