import { Inject, Injectable } from '@nestjs/common';
import {
  assertExpectedVersion,
  CLOCK,
  ConcurrentModificationError,
  newId,
  type Clock,
  type Page,
  type PageRequest,
} from '@lms/kernel';
import { ArtifactContentInvalidError, ArtifactNotOwnerError } from '../artifacts.errors';
import { contentProblem, type Artifact, type ArtifactContent, type ArtifactShare } from '../domain/artifact';
import type { ArtifactAccess, ArtifactReader } from '../domain/artifact-access';
import { ARTIFACT_REPOSITORY, type ArtifactRepository } from '../ports/artifact.repository';
import {
  ARTIFACT_COMMENT_REPOSITORY,
  type ArtifactCommentRepository,
} from '../ports/artifact-comment.repository';
import { ARTIFACT_SHARE_REPOSITORY, type ArtifactShareRepository } from '../ports/artifact-share.repository';
import { openArtifact } from './open-artifact';

/** CO-W2: a user creates an artifact of its own (a link, or a text). */
@Injectable()
export class CreateArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: { tenantId: string; ownerId: string; content: ArtifactContent }): Promise<Artifact> {
    const problem = contentProblem(command.content);
    if (problem) throw new ArtifactContentInvalidError(problem);
    const now = this.clock.now();
    const artifact: Artifact = {
      id: newId(now),
      tenantId: command.tenantId,
      ownerId: command.ownerId,
      title: command.content.title.trim(),
      link: command.content.link,
      text: command.content.text,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.artifacts.insert(artifact);
    return artifact;
  }
}

/** An artifact as its reader sees it: the shares too, for its owner, an administrator and a holder of `high`. */
export interface ArtifactView {
  artifact: Artifact;
  access: ArtifactAccess;
  shares: ArtifactShare[] | null;
}

@Injectable()
export class GetArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader;
  }): Promise<ArtifactView> {
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      query,
    );
    const seesShares = access === 'owner' || access === 'administrator' || access === 'high';
    return {
      artifact,
      access,
      shares: seesShares ? await this.shares.listOf(query.tenantId, artifact.id) : null,
    };
  }
}

/** The artifacts a user created, newest first. */
@Injectable()
export class ListArtifactsUseCase {
  constructor(@Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository) {}

  execute(query: { tenantId: string; ownerId: string; page: PageRequest }): Promise<Page<Artifact>> {
    return this.artifacts.listOwnedBy(query.tenantId, query.ownerId, query.page);
  }
}

/** Its owner edits an artifact's title and content (compare-and-set on the version read). */
@Injectable()
export class UpdateArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader;
    change: Partial<ArtifactContent>;
    expectedVersion?: number;
  }): Promise<Artifact> {
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      command,
    );
    if (access !== 'owner') throw new ArtifactNotOwnerError(artifact.id);
    assertExpectedVersion(command.expectedVersion, artifact.version);
    const content = nextContent(artifact, command.change);
    const problem = contentProblem(content);
    if (problem) throw new ArtifactContentInvalidError(problem);
    const next: Artifact = {
      ...artifact,
      ...content,
      title: content.title.trim(),
      updatedAt: this.clock.now(),
      version: artifact.version + 1,
    };
    if (!(await this.artifacts.save(next, artifact.version))) throw new ConcurrentModificationError();
    return next;
  }
}

/** Its owner deletes an artifact for good, with every share of it and every comment on it. */
@Injectable()
export class DeleteArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
    @Inject(ARTIFACT_COMMENT_REPOSITORY) private readonly comments: ArtifactCommentRepository,
  ) {}

  async execute(command: { tenantId: string; artifactId: string; reader: ArtifactReader }): Promise<void> {
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      command,
    );
    if (access !== 'owner') throw new ArtifactNotOwnerError(artifact.id);
    // Shares first: a crash in between leaves an artifact nobody else sees, deleted again on retry.
    await this.shares.removeAllOf(command.tenantId, artifact.id);
    await this.comments.removeAllOf(command.tenantId, artifact.id);
    await this.artifacts.delete(command.tenantId, artifact.id);
  }
}

/** A link given makes it a link artifact, a text given a text one; both given is refused by `contentProblem`. */
function nextContent(artifact: Artifact, change: Partial<ArtifactContent>): ArtifactContent {
  const { link, text } = change;
  if (link === undefined && text === undefined)
    return { title: change.title ?? artifact.title, link: artifact.link, text: artifact.text };
  return { title: change.title ?? artifact.title, link: link ?? null, text: text ?? null };
}
