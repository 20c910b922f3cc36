import { InMemoryMembershipRepository } from './in-memory-membership.repository';
import { describeMembershipRepositoryContract } from './membership-repository.contract';
import { inMemoryUnderContract } from './repository-under-contract';

describeMembershipRepositoryContract('InMemoryMembershipRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryMembershipRepository(outbox)),
);
