import { MongoFailureCounterRepository } from '../src/auth/infra/mongo-failure-counter.repository';
import { FAILURE_COUNTER_MODEL, FailureCounterSchema } from '../src/auth/infra/failure-counter.schema';
import { describeFailureCounterRepositoryContract } from '../src/testing/failure-counter-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeFailureCounterRepositoryContract(
  'MongoFailureCounterRepository',
  mongoRepositoryUnderContract(
    FAILURE_COUNTER_MODEL,
    FailureCounterSchema,
    (model) => new MongoFailureCounterRepository(model),
  ),
);
