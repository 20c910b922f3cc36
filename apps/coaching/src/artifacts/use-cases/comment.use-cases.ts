import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock, type Page, type PageRequest } from '@lms/kernel';
import { ArtifactCommentForbiddenError } from '../artifacts.errors';
import { mayComment, type ArtifactComment } from '../domain/artifact-comment';
import type { ArtifactReader } from '../domain/artifact-access';
import { ARTIFACT_REPOSITORY, type ArtifactRepository } from '../ports/artifact.repository';
import {
  ARTIFACT_COMMENT_REPOSITORY,
  type ArtifactCommentRepository,
} from '../ports/artifact-comment.repository';
import { ARTIFACT_SHARE_REPOSITORY, type ArtifactShareRepository } from '../ports/artifact-share.repository';
import { openArtifact } from './open-artifact';

/** CO-W2: the owner, or a holder of `comment` or `high`, comments on an artifact. */
@Injectable()
export class CommentOnArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
    @Inject(ARTIFACT_COMMENT_REPOSITORY) private readonly comments: ArtifactCommentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader & { userId: string };
    text: string;
  }): Promise<ArtifactComment> {
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      command,
    );
    if (!mayComment(access)) throw new ArtifactCommentForbiddenError(artifact.id);
    const now = this.clock.now();
    const comment: ArtifactComment = {
      id: newId(now),
      tenantId: command.tenantId,
      artifactId: artifact.id,
      authorId: command.reader.userId,
      text: command.text,
      createdAt: now,
    };
    await this.comments.insert(comment);
    return comment;
  }
}

/** An artifact's comments, oldest first, for whoever sees the artifact. */
@Injectable()
export class ListArtifactCommentsUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
    @Inject(ARTIFACT_COMMENT_REPOSITORY) private readonly comments: ArtifactCommentRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader;
    page: PageRequest;
  }): Promise<Page<ArtifactComment>> {
    const { artifact } = await openArtifact({ artifacts: this.artifacts, shares: this.shares }, query);
    return this.comments.listOf(query.tenantId, artifact.id, query.page);
  }
}
