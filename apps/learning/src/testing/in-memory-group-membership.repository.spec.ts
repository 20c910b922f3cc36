import { describeGroupMembershipRepositoryContract } from './group-membership-repository.contract';
import { InMemoryGroupMembershipRepository } from './in-memory-group-membership.repository';

describeGroupMembershipRepositoryContract(
  'InMemoryGroupMembershipRepository',
  () => new InMemoryGroupMembershipRepository(),
);
