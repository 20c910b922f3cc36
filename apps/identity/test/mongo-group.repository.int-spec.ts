import { GROUP_MODEL, GroupSchema } from '../src/groups/infra/group.schema';
import { MongoGroupRepository } from '../src/groups/infra/mongo-group.repository';
import { describeGroupRepositoryContract } from '../src/testing/group-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeGroupRepositoryContract(
  'MongoGroupRepository',
  mongoRepositoryUnderContract(
    GROUP_MODEL,
    GroupSchema,
    (model, relay) => new MongoGroupRepository(model, relay),
  ),
);
