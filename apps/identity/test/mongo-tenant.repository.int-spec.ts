import { MongoTenantRepository } from '../src/tenants/infra/mongo-tenant.repository';
import { TENANT_MODEL, TenantSchema } from '../src/tenants/infra/tenant.schema';
import { describeTenantRepositoryContract } from '../src/testing/tenant-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeTenantRepositoryContract(
  'MongoTenantRepository',
  mongoRepositoryUnderContract(
    TENANT_MODEL,
    TenantSchema,
    (model, relay) => new MongoTenantRepository(model, relay),
  ),
);
