import { describeUserRepositoryContract } from '../src/testing/user-repository.contract';
import { MongoUserRepository } from '../src/users/infra/mongo-user.repository';
import { USER_MODEL, UserSchema } from '../src/users/infra/user.schema';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeUserRepositoryContract(
  'MongoUserRepository',
  mongoRepositoryUnderContract(
    USER_MODEL,
    UserSchema,
    (model, relay) => new MongoUserRepository(model, relay),
  ),
);
