import { describeCoachingTenantRepositoryContract } from '../src/testing/coaching-tenant-repository.contract';
import {
  COACHING_TENANT_REPOSITORY,
  type CoachingTenantRepository,
} from '../src/tenants/ports/coaching-tenant.repository';
import { repositoryOfTheService } from './support/service-repository';

/** The contract the in-memory fake is held to, against the Mongo repository and its version index. */
describeCoachingTenantRepositoryContract(
  'MongoCoachingTenantRepository',
  repositoryOfTheService<CoachingTenantRepository>(COACHING_TENANT_REPOSITORY),
);
