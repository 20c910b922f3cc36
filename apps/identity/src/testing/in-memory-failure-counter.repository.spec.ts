import { InMemoryFailureCounterRepository } from './in-memory-failure-counter.repository';
import { describeFailureCounterRepositoryContract } from './failure-counter-repository.contract';

describeFailureCounterRepositoryContract('InMemoryFailureCounterRepository', () => ({
  repository: new InMemoryFailureCounterRepository(),
  outboxOf: async () => [],
}));
