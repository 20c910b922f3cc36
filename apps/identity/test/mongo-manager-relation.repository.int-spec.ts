import {
  MANAGER_RELATION_MODEL,
  ManagerRelationSchema,
} from '../src/organisation/infra/manager-relation.schema';
import { MongoManagerRelationRepository } from '../src/organisation/infra/mongo-manager-relation.repository';
import { describeManagerRelationRepositoryContract } from '../src/testing/manager-relation-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeManagerRelationRepositoryContract(
  'MongoManagerRelationRepository',
  mongoRepositoryUnderContract(
    MANAGER_RELATION_MODEL,
    ManagerRelationSchema,
    (model, relay) => new MongoManagerRelationRepository(model, relay),
  ),
);
