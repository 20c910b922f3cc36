import { MongoProfileRightsRepository } from '../src/users/infra/mongo-profile-rights.repository';
import {
  PROFILE_RIGHTS_MODEL,
  ProfileRightsSchema,
  type ProfileRightsDocument,
} from '../src/users/infra/profile-rights.schema';
import { describeProfileRightsRepositoryContract } from '../src/testing/profile-rights-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<ProfileRightsDocument>(PROFILE_RIGHTS_MODEL, ProfileRightsSchema);

/** The contract the in-memory fake is held to, against the Mongo repository and its indexes. */
describeProfileRightsRepositoryContract(
  'MongoProfileRightsRepository',
  () => new MongoProfileRightsRepository(database().model),
);
