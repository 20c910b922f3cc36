import { InMemoryRefreshFamilyRepository } from './in-memory-refresh-family.repository';
import { describeRefreshFamilyRepositoryContract } from './refresh-family-repository.contract';

describeRefreshFamilyRepositoryContract('InMemoryRefreshFamilyRepository', () => ({
  repository: new InMemoryRefreshFamilyRepository(),
  outboxOf: async () => [],
}));
