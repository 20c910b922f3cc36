import { InMemoryMembershipProjectionRepository } from './in-memory-membership-projection.repository';
import { describeMembershipProjectionRepositoryContract } from './membership-projection-repository.contract';

describeMembershipProjectionRepositoryContract(
  'InMemoryMembershipProjectionRepository',
  () => new InMemoryMembershipProjectionRepository(),
);
