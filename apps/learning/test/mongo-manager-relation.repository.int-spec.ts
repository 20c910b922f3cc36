import {
  MANAGER_RELATION_MODEL,
  ManagerRelationSchema,
  type ManagerRelationDocument,
} from '../src/managers/infra/manager-relation.schema';
import { MongoManagerRelationRepository } from '../src/managers/infra/mongo-manager-relation.repository';
import { describeManagerRelationRepositoryContract } from '../src/testing/manager-relation-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<ManagerRelationDocument>(
  MANAGER_RELATION_MODEL,
  ManagerRelationSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeManagerRelationRepositoryContract(
  'MongoManagerRelationRepository',
  () => new MongoManagerRelationRepository(database().model),
);
