import { InMemoryProfileRightsRepository } from './in-memory-profile-rights.repository';
import { describeProfileRightsRepositoryContract } from './profile-rights-repository.contract';

describeProfileRightsRepositoryContract(
  'InMemoryProfileRightsRepository',
  () => new InMemoryProfileRightsRepository(),
);
