import { permits } from './artifact';
import type { ArtifactAccess } from './artifact-access';

export const MAX_ARTIFACT_COMMENT_LENGTH = 4_000;

/** A comment on an artifact (CO-W2), by its owner or a holder of `comment` or `high`. */
export interface ArtifactComment {
  id: string;
  tenantId: string;
  artifactId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}

/** CO-W2: the owner and holders of `comment` or `high` comment; whoever sees the artifact reads its comments. */
export function mayComment(access: ArtifactAccess): boolean {
  if (access === 'owner') return true;
  return access !== 'administrator' && permits(access, 'comment');
}
