import { InMemoryInvitationRepository } from './in-memory-invitation.repository';
import { describeInvitationRepositoryContract } from './invitation-repository.contract';
import { inMemoryUnderContract } from './repository-under-contract';

describeInvitationRepositoryContract('InMemoryInvitationRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryInvitationRepository(outbox)),
);
