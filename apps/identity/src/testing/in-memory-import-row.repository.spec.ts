import { describeImportRowRepositoryContract } from './import-row-repository.contract';
import { InMemoryImportRowRepository } from './in-memory-import-row.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeImportRowRepositoryContract('InMemoryImportRowRepository', () =>
  inMemoryUnderContract(() => new InMemoryImportRowRepository()),
);
