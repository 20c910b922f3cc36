import { describeCoachingTenantRepositoryContract } from './coaching-tenant-repository.contract';
import { InMemoryCoachingTenantRepository } from './in-memory-coaching-tenant.repository';

describeCoachingTenantRepositoryContract(
  'InMemoryCoachingTenantRepository',
  () => new InMemoryCoachingTenantRepository(),
);
