import { ARTIFACT_PERMISSIONS, permits, type Artifact, type ArtifactShare } from './artifact';

/** Who reads an artifact: its owner, a holder of a share, or an administrator of its tenant. */
export interface ArtifactReader {
  userId: string | null;
  administrator: boolean;
}

/** What a reader may do with an artifact: own it, administer its tenant, or a share's permission. */
export const ARTIFACT_ACCESSES = ['owner', 'administrator', ...ARTIFACT_PERMISSIONS] as const;
export type ArtifactAccess = (typeof ARTIFACT_ACCESSES)[number];

/** The reader's access, given the share it holds (null: none), or null when it may not even know the artifact exists. */
export function accessTo(
  artifact: Artifact,
  share: ArtifactShare | null,
  reader: ArtifactReader,
): ArtifactAccess | null {
  if (reader.userId !== null && artifact.ownerId === reader.userId) return 'owner';
  if (share !== null && share.userId === reader.userId) return share.permission;
  return reader.administrator ? 'administrator' : null;
}

/** Why a share is refused, or null when `sharer` (of `access`) may give `userId` this share. */
export type ShareRefusal = 'not-allowed' | 'owner' | 'not-the-sharer';

/**
 * CO-W2: the owner shares at any permission and changes any share; a holder of `high` shares
 * onward, and changes only the shares it gave. Nobody shares an artifact with its owner.
 */
export function shareRefusal(
  artifact: Artifact,
  access: ArtifactAccess,
  sharerId: string,
  userId: string,
  existing: ArtifactShare | null,
): ShareRefusal | null {
  if (userId === artifact.ownerId) return 'owner';
  if (access === 'owner') return null;
  if (access === 'administrator' || !permits(access, 'high')) return 'not-allowed';
  return existing !== null && existing.sharedBy !== sharerId ? 'not-the-sharer' : null;
}

/** The owner takes any share back; whoever gave a share takes that one back. */
export function mayUnshare(access: ArtifactAccess, share: ArtifactShare, callerId: string): boolean {
  return access === 'owner' || share.sharedBy === callerId;
}
