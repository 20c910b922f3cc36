import { InMemorySessionSeatsRepository } from './in-memory-session-seats.repository';
import { describeSessionSeatsRepositoryContract } from './session-seats-repository.contract';

describeSessionSeatsRepositoryContract(
  'InMemorySessionSeatsRepository',
  () => new InMemorySessionSeatsRepository(),
);
