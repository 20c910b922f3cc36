import { describeBulkStateChangeRepositoryContract } from './bulk-state-change-repository.contract';
import { InMemoryBulkStateChangeRepository } from './in-memory-bulk-state-change.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeBulkStateChangeRepositoryContract('InMemoryBulkStateChangeRepository', () =>
  inMemoryUnderContract(() => new InMemoryBulkStateChangeRepository()),
);
