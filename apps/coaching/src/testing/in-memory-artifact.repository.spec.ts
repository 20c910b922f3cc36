import { describeArtifactRepositoryContract } from './artifact-repository.contract';
import { InMemoryArtifactRepository } from './in-memory-artifact.repository';

describeArtifactRepositoryContract('InMemoryArtifactRepository', () => new InMemoryArtifactRepository());
