import { describeAssignmentVersionRepositoryContract } from './assignment-version-repository.contract';
import { InMemoryAssignmentVersionRepository } from './in-memory-assignment-version.repository';

describeAssignmentVersionRepositoryContract(
  'InMemoryAssignmentVersionRepository',
  () => new InMemoryAssignmentVersionRepository(),
);
