import { MEMBERSHIP_MODEL, MembershipSchema } from '../src/memberships/infra/membership.schema';
import { MongoMembershipRepository } from '../src/memberships/infra/mongo-membership.repository';
import { describeMembershipRepositoryContract } from '../src/testing/membership-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeMembershipRepositoryContract(
  'MongoMembershipRepository',
  mongoRepositoryUnderContract(
    MEMBERSHIP_MODEL,
    MembershipSchema,
    (model, relay) => new MongoMembershipRepository(model, relay),
  ),
);
