import { InMemoryManagerRelationRepository } from './in-memory-manager-relation.repository';
import { describeManagerRelationRepositoryContract } from './manager-relation-repository.contract';
import { inMemoryUnderContract } from './repository-under-contract';

describeManagerRelationRepositoryContract('InMemoryManagerRelationRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryManagerRelationRepository(outbox)),
);
