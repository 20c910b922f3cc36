import { ArtifactNotFoundError } from '../artifacts.errors';
import type { Artifact, ArtifactShare } from '../domain/artifact';
import { accessTo, type ArtifactAccess, type ArtifactReader } from '../domain/artifact-access';
import type { ArtifactRepository } from '../ports/artifact.repository';
import type { ArtifactShareRepository } from '../ports/artifact-share.repository';

export interface OpenedArtifact {
  artifact: Artifact;
  access: ArtifactAccess;
}

/**
 * The artifact `reader` asks for, with what it may do: unknown to the tenant, or to a reader
 * who neither owns it nor holds a share of it (nor administers the tenant), it is not found.
 */
export async function openArtifact(
  repositories: { artifacts: ArtifactRepository; shares: ArtifactShareRepository },
  query: { tenantId: string; artifactId: string; reader: ArtifactReader },
): Promise<OpenedArtifact> {
  const { tenantId, artifactId, reader } = query;
  const artifact = await repositories.artifacts.find(tenantId, artifactId);
  if (artifact === null) throw new ArtifactNotFoundError(artifactId);
  const share: ArtifactShare | null =
    reader.userId === null || reader.userId === artifact.ownerId
      ? null
      : await repositories.shares.find(tenantId, artifactId, reader.userId);
  const access = accessTo(artifact, share, reader);
  if (access === null) throw new ArtifactNotFoundError(artifactId);
  return { artifact, access };
}
