import type { Page, PageRequest } from '@lms/kernel';
import type { ArtifactShare } from '../domain/artifact';

/**
 * Who holds which artifact at which permission (CO-W2), one share per artifact and user (its
 * id says which). Every query is scoped by tenant.
 */
export interface ArtifactShareRepository {
  find(tenantId: string, artifactId: string, userId: string): Promise<ArtifactShare | null>;
  /** Creates the shares or replaces them (by id), in one round trip. */
  putMany(shares: readonly ArtifactShare[]): Promise<void>;
  /** Removes the shares (by id), in one round trip; true for each one that was there is not said. */
  removeMany(tenantId: string, ids: readonly string[]): Promise<void>;
  /** The shares of one artifact (a bounded number: it is shared with people, not with the tenant). */
  listOf(tenantId: string, artifactId: string): Promise<ArtifactShare[]>;
  /** The shares `userId` holds, newest first. */
  listHeldBy(tenantId: string, userId: string, page: PageRequest): Promise<Page<ArtifactShare>>;
  /** The shares of `ownerId`'s artifacts held by any of `userIds` (a transfer's re-share). */
  listOfOwnerHeldBy(tenantId: string, ownerId: string, userIds: readonly string[]): Promise<ArtifactShare[]>;
  /** Removes every share of the artifact (deleted with it). */
  removeAllOf(tenantId: string, artifactId: string): Promise<void>;
}

export const ARTIFACT_SHARE_REPOSITORY = Symbol('ARTIFACT_SHARE_REPOSITORY');
