import { describeImportRepositoryContract } from './import-repository.contract';
import { InMemoryImportRepository } from './in-memory-import.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeImportRepositoryContract('InMemoryImportRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryImportRepository(outbox)),
);
