import { describeCoachProfileRepositoryContract } from './coach-profile-repository.contract';
import { InMemoryCoachProfileRepository } from './in-memory-coach-profile.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeCoachProfileRepositoryContract('InMemoryCoachProfileRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryCoachProfileRepository(outbox)),
);
