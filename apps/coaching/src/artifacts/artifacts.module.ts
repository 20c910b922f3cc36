import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { UsersModule } from '../users/users.module';
import { ArtifactsController } from './artifacts.controller';
import { AssignmentTransfersConsumer } from './assignment-transfers.consumer';
import { ARTIFACT_COMMENT_MODEL, ArtifactCommentSchema } from './infra/artifact-comment.schema';
import { ARTIFACT_SHARE_MODEL, ArtifactShareSchema } from './infra/artifact-share.schema';
import { MongoArtifactCommentRepository } from './infra/mongo-artifact-comment.repository';
import { ARTIFACT_MODEL, ArtifactSchema } from './infra/artifact.schema';
import { MongoArtifactShareRepository } from './infra/mongo-artifact-share.repository';
import { MongoArtifactRepository } from './infra/mongo-artifact.repository';
import { ARTIFACT_COMMENT_REPOSITORY } from './ports/artifact-comment.repository';
import { ARTIFACT_SHARE_REPOSITORY } from './ports/artifact-share.repository';
import { ARTIFACT_REPOSITORY } from './ports/artifact.repository';
import {
  CreateArtifactUseCase,
  DeleteArtifactUseCase,
  GetArtifactUseCase,
  ListArtifactsUseCase,
  UpdateArtifactUseCase,
} from './use-cases/artifact.use-cases';
import { CommentOnArtifactUseCase, ListArtifactCommentsUseCase } from './use-cases/comment.use-cases';
import { ReshareArtifactsUseCase } from './use-cases/reshare-artifacts.use-case';
import {
  ListSharedArtifactsUseCase,
  ShareArtifactUseCase,
  UnshareArtifactUseCase,
} from './use-cases/share.use-cases';

/**
 * Artifacts a mentee shares with its coaches (CO-W2), and their re-share when an assignment is
 * transferred with it (CO-A7).
 */
@Module({
  imports: [UsersModule],
  controllers: [ArtifactsController, AssignmentTransfersConsumer],
  providers: [
    mongoModel(ARTIFACT_MODEL, ArtifactSchema),
    mongoModel(ARTIFACT_SHARE_MODEL, ArtifactShareSchema),
    { provide: ARTIFACT_REPOSITORY, useClass: MongoArtifactRepository },
    { provide: ARTIFACT_SHARE_REPOSITORY, useClass: MongoArtifactShareRepository },
    mongoModel(ARTIFACT_COMMENT_MODEL, ArtifactCommentSchema),
    { provide: ARTIFACT_COMMENT_REPOSITORY, useClass: MongoArtifactCommentRepository },
    CommentOnArtifactUseCase,
    ListArtifactCommentsUseCase,
    CreateArtifactUseCase,
    GetArtifactUseCase,
    ListArtifactsUseCase,
    UpdateArtifactUseCase,
    DeleteArtifactUseCase,
    ShareArtifactUseCase,
    UnshareArtifactUseCase,
    ListSharedArtifactsUseCase,
    ReshareArtifactsUseCase,
  ],
})
export class ArtifactsModule {}
