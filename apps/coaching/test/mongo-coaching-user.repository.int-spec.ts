import { describeCoachingUserRepositoryContract } from '../src/testing/coaching-user-repository.contract';
import {
  COACHING_USER_REPOSITORY,
  type CoachingUserRepository,
} from '../src/users/ports/coaching-user.repository';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its version index. */
describeCoachingUserRepositoryContract(
  'MongoCoachingUserRepository',
  repositoryOfTheService<CoachingUserRepository>(COACHING_USER_REPOSITORY),
);
