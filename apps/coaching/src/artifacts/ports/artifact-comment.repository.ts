import type { Page, PageRequest } from '@lms/kernel';
import type { ArtifactComment } from '../domain/artifact-comment';

/** The comments on artifacts (CO-W2), in a collection of their own. Every query is scoped by tenant. */
export interface ArtifactCommentRepository {
  insert(comment: ArtifactComment): Promise<void>;
  /** One artifact's comments, oldest first (by time, then by id). */
  listOf(tenantId: string, artifactId: string, page: PageRequest): Promise<Page<ArtifactComment>>;
  /** Removes every comment of the artifact (deleted with it). */
  removeAllOf(tenantId: string, artifactId: string): Promise<void>;
}

export const ARTIFACT_COMMENT_REPOSITORY = Symbol('ARTIFACT_COMMENT_REPOSITORY');
