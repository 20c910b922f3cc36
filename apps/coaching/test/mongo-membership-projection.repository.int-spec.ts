import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../src/memberships/ports/membership-projection.repository';
import { describeMembershipProjectionRepositoryContract } from '../src/testing/membership-projection-repository.contract';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its version index. */
describeMembershipProjectionRepositoryContract(
  'MongoMembershipProjectionRepository',
  repositoryOfTheService<MembershipProjectionRepository>(MEMBERSHIP_PROJECTION_REPOSITORY),
);
