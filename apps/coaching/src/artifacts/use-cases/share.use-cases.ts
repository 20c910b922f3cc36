import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type Page, type PageRequest } from '@lms/kernel';
import { whyUnassignable } from '../../users/domain/user-assignability';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../../users/ports/coaching-user.repository';
import {
  ArtifactShareForbiddenError,
  ArtifactShareNotFoundError,
  ArtifactShareUserInvalidError,
  ArtifactShareWithOwnerError,
} from '../artifacts.errors';
import { shareId, type Artifact, type ArtifactPermission, type ArtifactShare } from '../domain/artifact';
import { mayUnshare, shareRefusal, type ArtifactReader } from '../domain/artifact-access';
import { ARTIFACT_REPOSITORY, type ArtifactRepository } from '../ports/artifact.repository';
import { ARTIFACT_SHARE_REPOSITORY, type ArtifactShareRepository } from '../ports/artifact-share.repository';
import { openArtifact } from './open-artifact';

/**
 * CO-W2: shares an artifact with a user at a permission, or changes the permission of its
 * share (the time of a share is when it was first given, what a transfer's re-share looks at).
 */
@Injectable()
export class ShareArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
    @Inject(COACHING_USER_REPOSITORY) private readonly users: CoachingUserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader & { userId: string };
    userId: string;
    permission: ArtifactPermission;
  }): Promise<{ share: ArtifactShare; created: boolean }> {
    const { tenantId, userId, reader } = command;
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      command,
    );
    const existing = await this.shares.find(tenantId, artifact.id, userId);
    const refusal = shareRefusal(artifact, access, reader.userId, userId, existing);
    if (refusal === 'owner') throw new ArtifactShareWithOwnerError(artifact.id);
    if (refusal) throw new ArtifactShareForbiddenError(artifact.id, refusal);
    const now = this.clock.now();
    const why = whyUnassignable(await this.users.find(tenantId, userId), now);
    if (why) throw new ArtifactShareUserInvalidError(userId, why);
    const share = existing
      ? { ...existing, permission: command.permission }
      : newShare(artifact, userId, command.permission, reader.userId, now);
    await this.shares.putMany([share]);
    return { share, created: existing === null };
  }
}

/** Takes a share back: the owner any, whoever gave a share that one. */
@Injectable()
export class UnshareArtifactUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
  ) {}

  async execute(command: {
    tenantId: string;
    artifactId: string;
    reader: ArtifactReader & { userId: string };
    userId: string;
  }): Promise<void> {
    const { artifact, access } = await openArtifact(
      { artifacts: this.artifacts, shares: this.shares },
      command,
    );
    const share = await this.shares.find(command.tenantId, artifact.id, command.userId);
    if (share === null) throw new ArtifactShareNotFoundError(artifact.id, command.userId);
    if (!mayUnshare(access, share, command.reader.userId))
      throw new ArtifactShareForbiddenError(artifact.id, 'not-the-sharer');
    await this.shares.removeMany(command.tenantId, [share.id]);
  }
}

/** A share a user holds, with the artifact it opens. */
export interface HeldArtifact {
  share: ArtifactShare;
  artifact: Artifact;
}

/** The artifacts shared with a user (a coach's view of what its mentees shared), newest share first. */
@Injectable()
export class ListSharedArtifactsUseCase {
  constructor(
    @Inject(ARTIFACT_REPOSITORY) private readonly artifacts: ArtifactRepository,
    @Inject(ARTIFACT_SHARE_REPOSITORY) private readonly shares: ArtifactShareRepository,
  ) {}

  async execute(query: { tenantId: string; userId: string; page: PageRequest }): Promise<Page<HeldArtifact>> {
    const page = await this.shares.listHeldBy(query.tenantId, query.userId, query.page);
    const artifacts = await this.artifacts.findMany(
      query.tenantId,
      page.items.map((share) => share.artifactId),
    );
    const byId = new Map(artifacts.map((artifact) => [artifact.id, artifact]));
    // A share whose artifact was deleted meanwhile is left out of the page.
    const items = page.items.flatMap((share) => {
      const artifact = byId.get(share.artifactId);
      return artifact ? [{ share, artifact }] : [];
    });
    return { ...page, items };
  }
}

function newShare(
  artifact: Artifact,
  userId: string,
  permission: ArtifactPermission,
  sharedBy: string,
  now: Date,
): ArtifactShare {
  return {
    id: shareId(artifact.id, userId),
    tenantId: artifact.tenantId,
    artifactId: artifact.id,
    ownerId: artifact.ownerId,
    userId,
    permission,
    sharedBy,
    sharedAt: now,
    resharedFrom: null,
  };
}
