import { MongoAdminRegistryRepository } from '../src/admin-roles/infra/mongo-admin-registry.repository';
import { ADMIN_REGISTRY_MODEL, AdminRegistrySchema } from '../src/admin-roles/infra/admin-registry.schema';
import { describeAdminRegistryRepositoryContract } from '../src/testing/admin-registry-repository.contract';
import { mongoRepositoryUnderContract } from './support/repository-database';

describeAdminRegistryRepositoryContract(
  'MongoAdminRegistryRepository',
  mongoRepositoryUnderContract(
    ADMIN_REGISTRY_MODEL,
    AdminRegistrySchema,
    (model) => new MongoAdminRegistryRepository(model),
  ),
);
