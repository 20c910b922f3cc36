import { InMemoryManagerRelationRepository } from './in-memory-manager-relation.repository';
import { describeManagerRelationRepositoryContract } from './manager-relation-repository.contract';

describeManagerRelationRepositoryContract(
  'InMemoryManagerRelationRepository',
  () => new InMemoryManagerRelationRepository(),
);
