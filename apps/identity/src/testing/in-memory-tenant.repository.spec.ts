import { InMemoryTenantRepository } from './in-memory-tenant.repository';
import { inMemoryUnderContract } from './repository-under-contract';
import { describeTenantRepositoryContract } from './tenant-repository.contract';

describeTenantRepositoryContract('InMemoryTenantRepository', () =>
  inMemoryUnderContract((outbox) => new InMemoryTenantRepository(outbox)),
);
