import {
  ARTIFACT_SHARE_REPOSITORY,
  type ArtifactShareRepository,
} from '../src/artifacts/ports/artifact-share.repository';
import { describeArtifactShareRepositoryContract } from '../src/testing/artifact-share-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeArtifactShareRepositoryContract(
  'MongoArtifactShareRepository',
  repositoryOfTheService<ArtifactShareRepository>(ARTIFACT_SHARE_REPOSITORY),
);
