import {
  ARTIFACT_COMMENT_REPOSITORY,
  type ArtifactCommentRepository,
} from '../src/artifacts/ports/artifact-comment.repository';
import { describeArtifactCommentRepositoryContract } from '../src/testing/artifact-comment-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeArtifactCommentRepositoryContract(
  'MongoArtifactCommentRepository',
  repositoryOfTheService<ArtifactCommentRepository>(ARTIFACT_COMMENT_REPOSITORY),
);
