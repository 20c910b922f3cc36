import { InMemoryOrganisationNodeRepository } from './in-memory-organisation-node.repository';
import { describeOrganisationNodeRepositoryContract } from './organisation-node-repository.contract';
import { inMemoryUnderContract } from './repository-under-contract';

describeOrganisationNodeRepositoryContract('InMemoryOrganisationNodeRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryOrganisationNodeRepository(outbox)),
);
