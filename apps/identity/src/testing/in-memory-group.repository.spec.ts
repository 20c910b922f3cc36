import { describeGroupRepositoryContract } from './group-repository.contract';
import { InMemoryGroupRepository } from './in-memory-group.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeGroupRepositoryContract('InMemoryGroupRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryGroupRepository(outbox)),
);
