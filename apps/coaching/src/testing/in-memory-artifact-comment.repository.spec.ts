import { describeArtifactCommentRepositoryContract } from './artifact-comment-repository.contract';
import { InMemoryArtifactCommentRepository } from './in-memory-artifact-comment.repository';

describeArtifactCommentRepositoryContract(
  'InMemoryArtifactCommentRepository',
  () => new InMemoryArtifactCommentRepository(),
);
