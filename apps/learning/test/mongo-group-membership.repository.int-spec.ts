import {
  GROUP_MEMBERSHIP_MODEL,
  GroupMembershipSchema,
  type GroupMembershipDocument,
} from '../src/memberships/infra/group-membership.schema';
import { MongoGroupMembershipRepository } from '../src/memberships/infra/mongo-group-membership.repository';
import { describeGroupMembershipRepositoryContract } from '../src/testing/group-membership-repository.contract';
import { modelOfTheTestDatabase } from './support/repository-database';

const database = modelOfTheTestDatabase<GroupMembershipDocument>(
  GROUP_MEMBERSHIP_MODEL,
  GroupMembershipSchema,
);

/** The contract the in-memory fake is held to, against the Mongo repository and its version guards. */
describeGroupMembershipRepositoryContract(
  'MongoGroupMembershipRepository',
  () => new MongoGroupMembershipRepository(database().model),
);
