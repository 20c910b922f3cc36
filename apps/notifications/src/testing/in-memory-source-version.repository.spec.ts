import { describeSourceVersionRepositoryContract } from './source-version-repository.contract';
import { InMemorySourceVersionRepository } from './in-memory-source-version.repository';

describeSourceVersionRepositoryContract(
  'InMemorySourceVersionRepository',
  () => new InMemorySourceVersionRepository(),
);
