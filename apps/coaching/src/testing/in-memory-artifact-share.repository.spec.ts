import { describeArtifactShareRepositoryContract } from './artifact-share-repository.contract';
import { InMemoryArtifactShareRepository } from './in-memory-artifact-share.repository';

describeArtifactShareRepositoryContract(
  'InMemoryArtifactShareRepository',
  () => new InMemoryArtifactShareRepository(),
);
