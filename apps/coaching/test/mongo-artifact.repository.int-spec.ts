import { ARTIFACT_REPOSITORY, type ArtifactRepository } from '../src/artifacts/ports/artifact.repository';
import { describeArtifactRepositoryContract } from '../src/testing/artifact-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeArtifactRepositoryContract(
  'MongoArtifactRepository',
  repositoryOfTheService<ArtifactRepository>(ARTIFACT_REPOSITORY),
);
