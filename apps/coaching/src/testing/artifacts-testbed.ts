import { FixedClock } from '@lms/testing';
import type { Artifact, ArtifactContent } from '../artifacts/domain/artifact';
import type { ArtifactReader } from '../artifacts/domain/artifact-access';
import {
  CreateArtifactUseCase,
  DeleteArtifactUseCase,
  GetArtifactUseCase,
  ListArtifactsUseCase,
  UpdateArtifactUseCase,
} from '../artifacts/use-cases/artifact.use-cases';
import {
  CommentOnArtifactUseCase,
  ListArtifactCommentsUseCase,
} from '../artifacts/use-cases/comment.use-cases';
import { ReshareArtifactsUseCase } from '../artifacts/use-cases/reshare-artifacts.use-case';
import {
  ListSharedArtifactsUseCase,
  ShareArtifactUseCase,
  UnshareArtifactUseCase,
} from '../artifacts/use-cases/share.use-cases';
import type { CoachingUserProfile } from '../users/domain/coaching-user';
import { aUserProfile, TENANT } from './coaching-testbed';
import { InMemoryArtifactCommentRepository } from './in-memory-artifact-comment.repository';
import { InMemoryArtifactShareRepository } from './in-memory-artifact-share.repository';
import { InMemoryArtifactRepository } from './in-memory-artifact.repository';
import { InMemoryCoachingUserRepository } from './in-memory-coaching-user.repository';

/** A signed-in user of the tenant reading artifacts: a plain user unless told it administers the tenant. */
export function aReader(
  userId: string,
  options: { administrator?: boolean } = {},
): ArtifactReader & { userId: string } {
  return { userId, administrator: options.administrator ?? false };
}

/**
 * The artifacts' use cases (CO-W2) and their re-share on a transfer (CO-A7), over in-memory
 * artifacts, shares and users, and a fixed clock.
 */
export function buildArtifactsTestbed(options: { now?: string } = {}) {
  const clock = new FixedClock(options.now ?? '2025-03-10T09:00:00.000Z');
  const artifacts = new InMemoryArtifactRepository();
  const shares = new InMemoryArtifactShareRepository();
  const users = new InMemoryCoachingUserRepository();
  const comments = new InMemoryArtifactCommentRepository();
  const createArtifact = new CreateArtifactUseCase(artifacts, clock);

  return {
    clock,
    artifacts,
    shares,
    users,
    comments,
    createArtifact,
    getArtifact: new GetArtifactUseCase(artifacts, shares),
    listArtifacts: new ListArtifactsUseCase(artifacts),
    updateArtifact: new UpdateArtifactUseCase(artifacts, shares, clock),
    deleteArtifact: new DeleteArtifactUseCase(artifacts, shares, comments),
    commentOnArtifact: new CommentOnArtifactUseCase(artifacts, shares, comments, clock),
    listComments: new ListArtifactCommentsUseCase(artifacts, shares, comments),
    shareArtifact: new ShareArtifactUseCase(artifacts, shares, users, clock),
    unshareArtifact: new UnshareArtifactUseCase(artifacts, shares),
    listShared: new ListSharedArtifactsUseCase(artifacts, shares),
    reshare: new ReshareArtifactsUseCase(shares),

    /** Users coaching knows, as identity's events left them: active unless told otherwise. */
    async givenUsers(userIds: readonly string[], profile: Partial<CoachingUserProfile> = {}): Promise<void> {
      await users.applyMany(
        userIds.map((userId) => ({
          tenantId: TENANT,
          userId,
          version: 1,
          occurredAt: clock.now(),
          profile: { ...aUserProfile(userId), ...profile },
        })),
      );
    },

    /** An artifact `ownerId` created at the clock's time: a link unless told otherwise. */
    givenArtifact(ownerId: string, content: Partial<ArtifactContent> = {}): Promise<Artifact> {
      return createArtifact.execute({
        tenantId: TENANT,
        ownerId,
        content: { title: 'Reading list', link: 'https://docs.example.test/list', text: null, ...content },
      });
    },
  };
}

export type ArtifactsTestbed = ReturnType<typeof buildArtifactsTestbed>;
