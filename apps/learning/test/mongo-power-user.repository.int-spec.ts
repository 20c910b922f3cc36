import { MongoPowerUserRepository } from '../src/users/infra/mongo-power-user.repository';
import {
  POWER_USER_MODEL,
  PowerUserSchema,
  type PowerUserDocument,
} from '../src/users/infra/power-user.schema';
import { describePowerUserRepositoryContract } from '../src/testing/power-user-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<PowerUserDocument>(POWER_USER_MODEL, PowerUserSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describePowerUserRepositoryContract(
  'MongoPowerUserRepository',
  () => new MongoPowerUserRepository(database().model),
);
