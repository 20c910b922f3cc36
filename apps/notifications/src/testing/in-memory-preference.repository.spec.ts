import { InMemoryPreferenceRepository } from './in-memory-preference.repository';
import { describePreferenceRepositoryContract } from './preference-repository.contract';

describePreferenceRepositoryContract(
  'InMemoryPreferenceRepository',
  () => new InMemoryPreferenceRepository(),
);
