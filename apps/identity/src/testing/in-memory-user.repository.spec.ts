import { InMemoryUserRepository } from './in-memory-user.repository';
import { inMemoryUnderContract } from './repository-under-contract';
import { describeUserRepositoryContract } from './user-repository.contract';

describeUserRepositoryContract('InMemoryUserRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryUserRepository(outbox)),
);
