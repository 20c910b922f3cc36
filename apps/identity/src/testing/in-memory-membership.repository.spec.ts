import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { membershipRepositoryContract } from './membership-repository.contract';

membershipRepositoryContract('InMemoryMembershipRepository', () => new InMemoryMembershipRepository());
