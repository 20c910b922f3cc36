import { describeCoachPopulationRepositoryContract } from './coach-population-repository.contract';
import { InMemoryCoachPopulationRepository } from './in-memory-coach-population.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeCoachPopulationRepositoryContract('InMemoryCoachPopulationRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryCoachPopulationRepository(outbox)),
);
