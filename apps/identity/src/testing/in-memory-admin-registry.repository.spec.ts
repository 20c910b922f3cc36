import { describeAdminRegistryRepositoryContract } from './admin-registry-repository.contract';
import { InMemoryAdminRegistryRepository } from './in-memory-admin-registry.repository';
import { inMemoryUnderContract } from './repository-under-contract';

describeAdminRegistryRepositoryContract('InMemoryAdminRegistryRepository', () =>
  inMemoryUnderContract(() => new InMemoryAdminRegistryRepository()),
);
